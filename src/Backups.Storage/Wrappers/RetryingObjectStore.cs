using System.Runtime.CompilerServices;
using Polly;
using Polly.Retry;

namespace Backups.Storage.Wrappers;

/// <summary>
/// Retries transient failures (<see cref="TransientFailures"/>) with exponential backoff and jitter; never 4xx answers
/// such as a missing object or denied access.
/// <list type="bullet">
/// <item>A put is retried only when its content stream is seekable (it is rewound to where it started); a put from a
/// non-seekable stream is tried once, since its content cannot be read again. The S3 store resends failed parts of a
/// multipart upload itself, so large streamed puts do not depend on this wrapper.</item>
/// <item>A read retries opening the object, not failures while the caller reads the returned stream.</item>
/// <item>A listing that fails part-way resumes after the last key it returned (listings are in ordinal key order).</item>
/// </list>
/// </summary>
public sealed class RetryingObjectStore
    : IObjectStore, IArchiveStore, IMultipartUploadLister, IMultipartUploadAborter, ITemporaryFileLister, ITemporaryFileDeleter, IObjectStoreDecorator
{
    private static readonly ResiliencePropertyKey<StoreOperation> OperationProperty = new("backups.store.operation");
    private static readonly ResiliencePropertyKey<string> KeyProperty = new("backups.store.key");

    private readonly IObjectStore _inner;
    private readonly ResiliencePipeline _pipeline;

    public RetryingObjectStore(IObjectStore inner, StoreRetryOptions? options = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
        options ??= new StoreRetryOptions();
        var onRetry = options.OnRetry;
        _pipeline = new ResiliencePipelineBuilder { TimeProvider = timeProvider ?? TimeProvider.System }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(TransientFailures.IsTransient),
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = args =>
                {
                    if (onRetry is not null && args.Outcome.Exception is { } error)
                    {
                        onRetry(new StoreRetry(
                            inner.Url,
                            args.Context.Properties.GetValue(OperationProperty, StoreOperation.Head),
                            args.Context.Properties.GetValue(KeyProperty, string.Empty),
                            args.AttemptNumber + 1,
                            args.RetryDelay,
                            error));
                    }

                    return default;
                },
            })
            .Build();
    }

    public string Url => _inner.Url;

    IObjectStore IObjectStoreDecorator.Inner => _inner;

    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken) =>
        RunAsync(StoreOperation.OpenRead, key, token => _inner.OpenReadAsync(key, token), cancellationToken);

    public Task<ObjectInfo?> HeadAsync(string key, CancellationToken cancellationToken) =>
        RunAsync(StoreOperation.Head, key, token => _inner.HeadAsync(key, token), cancellationToken);

    public async Task PutAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanSeek)
        {
            await _inner.PutAsync(key, content, cancellationToken).ConfigureAwait(false);
            return;
        }

        var start = content.Position;
        var attempt = 0;
        await RunAsync(
            StoreOperation.Put,
            key,
            async token =>
            {
                if (attempt++ > 0)
                {
                    content.Position = start;
                }

                await _inner.PutAsync(key, content, token).ConfigureAwait(false);
                return true;
            },
            cancellationToken).ConfigureAwait(false);
    }

    public IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, CancellationToken cancellationToken) =>
        ResumingListAsync(StoreOperation.List, prefix, token => _inner.ListAsync(prefix, token), i => i.Key, cancellationToken);

    public IAsyncEnumerable<OpenMultipartUpload> ListMultipartUploadsAsync(string prefix, CancellationToken cancellationToken) =>
        ResumingListAsync(
            StoreOperation.ListMultipartUploads,
            prefix,
            token => ObjectStoreAbilities.Require<IMultipartUploadLister>(_inner, "multipart uploads").ListMultipartUploadsAsync(prefix, token),
            u => u.Key + "\n" + u.UploadId,
            cancellationToken,
            ordered: false);

    public Task AbortMultipartUploadAsync(OpenMultipartUpload upload, CancellationToken cancellationToken) =>
        RunAsync(StoreOperation.AbortMultipartUpload, upload?.Key ?? string.Empty, async token =>
        {
            await ObjectStoreAbilities.Require<IMultipartUploadAborter>(_inner, "multipart uploads").AbortMultipartUploadAsync(upload!, token).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    public IAsyncEnumerable<TemporaryFile> ListTemporaryFilesAsync(CancellationToken cancellationToken) =>
        ResumingListAsync(
            StoreOperation.ListTemporaryFiles,
            string.Empty,
            token => ObjectStoreAbilities.Require<ITemporaryFileLister>(_inner, "temporary files").ListTemporaryFilesAsync(token),
            f => f.Name,
            cancellationToken);

    public Task DeleteTemporaryFileAsync(string name, CancellationToken cancellationToken) =>
        RunAsync(StoreOperation.DeleteTemporaryFile, name, async token =>
        {
            await ObjectStoreAbilities.Require<ITemporaryFileDeleter>(_inner, "temporary files").DeleteTemporaryFileAsync(name, token).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    /// <summary>
    /// A listing that, when it fails part-way, starts again and skips what it already returned: by position when the
    /// listing is in ordinal order of <paramref name="orderKey"/> (object listings), else by remembering each item's key
    /// (multipart uploads of one key come in the order they began, not by id; such listings are short).
    /// </summary>
    private async IAsyncEnumerable<T> ResumingListAsync<T>(
        StoreOperation operation,
        string prefix,
        Func<CancellationToken, IAsyncEnumerable<T>> list,
        Func<T, string> orderKey,
        [EnumeratorCancellation] CancellationToken cancellationToken,
        bool ordered = true)
        where T : class
    {
        IAsyncEnumerator<T>? items = null;
        string? lastKey = null;
        var returned = ordered ? null : new HashSet<string>(StringComparer.Ordinal);
        try
        {
            while (true)
            {
                var next = await RunAsync<T?>(
                    operation,
                    prefix,
                    async token =>
                    {
                        try
                        {
                            while (true)
                            {
                                items ??= list(token).GetAsyncEnumerator(token);
                                if (!await items.MoveNextAsync().ConfigureAwait(false))
                                {
                                    return null;
                                }

                                // After a restart, skip what was already returned.
                                var key = orderKey(items.Current);
                                if (returned is not null ? !returned.Contains(key) : lastKey is null || string.CompareOrdinal(key, lastKey) > 0)
                                {
                                    return items.Current;
                                }
                            }
                        }
                        catch
                        {
                            if (items is not null)
                            {
                                await items.DisposeAsync().ConfigureAwait(false);
                                items = null;
                            }

                            throw;
                        }
                    },
                    cancellationToken).ConfigureAwait(false);
                if (next is null)
                {
                    yield break;
                }

                lastKey = orderKey(next);
                returned?.Add(lastKey);
                yield return next;
            }
        }
        finally
        {
            if (items is not null)
            {
                await items.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        RunAsync(StoreOperation.Delete, key, async token =>
        {
            await _inner.DeleteAsync(key, token).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    public Task ChangeStorageClassAsync(string key, string storageClass, CancellationToken cancellationToken) =>
        RunAsync(StoreOperation.ChangeStorageClass, key, async token =>
        {
            await ObjectStoreAbilities.RequireArchive(_inner).ChangeStorageClassAsync(key, storageClass, token).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    public Task RequestRestoreAsync(string key, int days, RestoreTier tier, CancellationToken cancellationToken) =>
        RunAsync(StoreOperation.RequestRestore, key, async token =>
        {
            await ObjectStoreAbilities.RequireArchive(_inner).RequestRestoreAsync(key, days, tier, token).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    public Task<RestoreStatus> GetRestoreStatusAsync(string key, CancellationToken cancellationToken) =>
        RunAsync(StoreOperation.GetRestoreStatus, key,
            token => ObjectStoreAbilities.RequireArchive(_inner).GetRestoreStatusAsync(key, token), cancellationToken);

    private async Task<T> RunAsync<T>(StoreOperation operation, string key, Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(OperationProperty, operation);
        context.Properties.Set(KeyProperty, key);
        try
        {
            return await _pipeline.ExecuteAsync(
                async (ctx, state) => await state(ctx.CancellationToken).ConfigureAwait(false),
                context,
                action).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }
}
