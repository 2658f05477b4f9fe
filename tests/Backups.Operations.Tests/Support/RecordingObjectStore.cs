using System.Collections.Concurrent;
using Backups.Storage;

namespace Backups.Operations.Tests.Support;

/// <summary>Passes every call to a real store and records the keys deleted and written, in order.</summary>
internal sealed class RecordingObjectStore(IObjectStore inner) : IObjectStore
{
    private readonly ConcurrentQueue<string> _mutations = new();

    public string Url => inner.Url;

    /// <summary><c>delete KEY</c> and <c>put KEY</c>, in call order.</summary>
    public IReadOnlyList<string> Mutations => [.. _mutations];

    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken) => inner.OpenReadAsync(key, cancellationToken);

    public Task<ObjectInfo?> HeadAsync(string key, CancellationToken cancellationToken) => inner.HeadAsync(key, cancellationToken);

    public IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);

    public Task PutAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        _mutations.Enqueue($"put {key}");
        return inner.PutAsync(key, content, cancellationToken);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        _mutations.Enqueue($"delete {key}");
        return inner.DeleteAsync(key, cancellationToken);
    }
}
