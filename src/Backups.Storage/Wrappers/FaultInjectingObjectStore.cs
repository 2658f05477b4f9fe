using System.Runtime.CompilerServices;

namespace Backups.Storage.Wrappers;

/// <summary>
/// For tests and benchmarks: passes calls to another store, failing chosen ones. A rule fails the Nth call
/// (1-based, counted per operation) of an operation, or breaks a put's content stream after a number of bytes,
/// so the inner store sees its content fail mid-upload. Configure the rules before use; counting is thread-safe.
/// </summary>
public sealed class FaultInjectingObjectStore : IObjectStore, IArchiveStore, IObjectStoreDecorator
{
    private readonly IObjectStore _inner;
    private readonly List<(StoreOperation Operation, Func<int, bool> Matches, Func<Exception> Create)> _callFaults = [];
    private readonly List<(Func<int, bool> Matches, long Bytes, Func<Exception> Create)> _contentFaults = [];
    private readonly int[] _calls = new int[Enum.GetValues<StoreOperation>().Length];

    public FaultInjectingObjectStore(IObjectStore inner)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
    }

    public string Url => _inner.Url;

    IObjectStore IObjectStoreDecorator.Inner => _inner;

    /// <summary>A transient failure like S3's "503 SlowDown", the default injected error.</summary>
    public static StoreUnavailableException ServiceUnavailable(string? detail = null) =>
        new($"injected fault: 503 SlowDown{(detail is null ? string.Empty : $" ({detail})")}", isTransient: true);

    /// <summary>Makes call number <paramref name="callNumber"/> (1-based) of <paramref name="operation"/> throw.</summary>
    public FaultInjectingObjectStore FailCall(StoreOperation operation, int callNumber, Func<Exception>? error = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(callNumber, 1);
        return FailCalls(operation, n => n == callNumber, error);
    }

    /// <summary>Makes every call of <paramref name="operation"/> whose number matches throw.</summary>
    public FaultInjectingObjectStore FailCalls(StoreOperation operation, Func<int, bool> callNumbers, Func<Exception>? error = null)
    {
        ArgumentNullException.ThrowIfNull(callNumbers);
        _callFaults.Add((operation, callNumbers, error ?? (() => ServiceUnavailable($"{operation}"))));
        return this;
    }

    /// <summary>
    /// Breaks the content stream of put number <paramref name="callNumber"/> (every put when null) once
    /// <paramref name="bytes"/> bytes have been read from it; by default with an <see cref="IOException"/>.
    /// </summary>
    public FaultInjectingObjectStore FailPutAfterBytes(long bytes, Func<Exception>? error = null, int? callNumber = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        _contentFaults.Add((
            n => callNumber is null || n == callNumber,
            bytes,
            error ?? (() => new IOException($"injected fault: the content stream failed after {bytes} bytes"))));
        return this;
    }

    /// <summary>How many calls of <paramref name="operation"/> were made, failed ones included.</summary>
    public int Calls(StoreOperation operation) => Volatile.Read(ref _calls[(int)operation]);

    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        Enter(StoreOperation.OpenRead);
        return _inner.OpenReadAsync(key, cancellationToken);
    }

    public Task<ObjectInfo?> HeadAsync(string key, CancellationToken cancellationToken)
    {
        Enter(StoreOperation.Head);
        return _inner.HeadAsync(key, cancellationToken);
    }

    public async Task PutAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        var call = Enter(StoreOperation.Put);
        foreach (var (matches, bytes, create) in _contentFaults)
        {
            if (matches(call))
            {
                await using var faulty = new FaultingReadStream(content, bytes, create);
                await _inner.PutAsync(key, faulty, cancellationToken).ConfigureAwait(false);
                return;
            }
        }

        await _inner.PutAsync(key, content, cancellationToken).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Enter(StoreOperation.List);
        await foreach (var item in _inner.ListAsync(prefix, cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        Enter(StoreOperation.Delete);
        return _inner.DeleteAsync(key, cancellationToken);
    }

    public Task ChangeStorageClassAsync(string key, string storageClass, CancellationToken cancellationToken)
    {
        Enter(StoreOperation.ChangeStorageClass);
        return ObjectStoreAbilities.RequireArchive(_inner).ChangeStorageClassAsync(key, storageClass, cancellationToken);
    }

    public Task RequestRestoreAsync(string key, int days, RestoreTier tier, CancellationToken cancellationToken)
    {
        Enter(StoreOperation.RequestRestore);
        return ObjectStoreAbilities.RequireArchive(_inner).RequestRestoreAsync(key, days, tier, cancellationToken);
    }

    public Task<RestoreStatus> GetRestoreStatusAsync(string key, CancellationToken cancellationToken)
    {
        Enter(StoreOperation.GetRestoreStatus);
        return ObjectStoreAbilities.RequireArchive(_inner).GetRestoreStatusAsync(key, cancellationToken);
    }

    private int Enter(StoreOperation operation)
    {
        var call = Interlocked.Increment(ref _calls[(int)operation]);
        foreach (var (faultOperation, matches, create) in _callFaults)
        {
            if (faultOperation == operation && matches(call))
            {
                throw create();
            }
        }

        return call;
    }
}
