using System.Buffers;

namespace Backups.Storage.Wrappers;

/// <summary>
/// Reads pass through; every change (put, delete, storage class change, restore request) is reported to a callback
/// instead of being made. A put still reads its content to the end, so producers streaming into it finish normally.
/// </summary>
public sealed class DryRunObjectStore
    : IObjectStore, IArchiveStore, IMultipartUploadLister, IMultipartUploadAborter, ITemporaryFileLister, ITemporaryFileDeleter, IObjectStoreDecorator
{
    private readonly IObjectStore _inner;
    private readonly Action<SkippedMutation> _report;

    public DryRunObjectStore(IObjectStore inner, Action<SkippedMutation> report)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(report);
        _inner = inner;
        _report = report;
    }

    public string Url => _inner.Url;

    IObjectStore IObjectStoreDecorator.Inner => _inner;

    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken) => _inner.OpenReadAsync(key, cancellationToken);

    public Task<ObjectInfo?> HeadAsync(string key, CancellationToken cancellationToken) => _inner.HeadAsync(key, cancellationToken);

    public IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, CancellationToken cancellationToken) => _inner.ListAsync(prefix, cancellationToken);

    public async Task PutAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        ObjectKey.Validate(key);
        ArgumentNullException.ThrowIfNull(content);
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        long size = 0;
        try
        {
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                size += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        _report(new SkippedMutation(MutationKind.Put, Url, key, Size: size));
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        ObjectKey.Validate(key);
        _report(new SkippedMutation(MutationKind.Delete, Url, key));
        return Task.CompletedTask;
    }

    public Task ChangeStorageClassAsync(string key, string storageClass, CancellationToken cancellationToken)
    {
        ObjectKey.Validate(key);
        ObjectStoreAbilities.RequireArchive(_inner);
        _report(new SkippedMutation(MutationKind.ChangeStorageClass, Url, key, Detail: storageClass));
        return Task.CompletedTask;
    }

    public Task RequestRestoreAsync(string key, int days, RestoreTier tier, CancellationToken cancellationToken)
    {
        ObjectKey.Validate(key);
        ObjectStoreAbilities.RequireArchive(_inner);
        _report(new SkippedMutation(MutationKind.RequestRestore, Url, key, Detail: $"{days} days, {tier}"));
        return Task.CompletedTask;
    }

    public Task<RestoreStatus> GetRestoreStatusAsync(string key, CancellationToken cancellationToken) =>
        ObjectStoreAbilities.RequireArchive(_inner).GetRestoreStatusAsync(key, cancellationToken);

    public IAsyncEnumerable<OpenMultipartUpload> ListMultipartUploadsAsync(string prefix, CancellationToken cancellationToken) =>
        ObjectStoreAbilities.Require<IMultipartUploadLister>(_inner, "multipart uploads").ListMultipartUploadsAsync(prefix, cancellationToken);

    public Task AbortMultipartUploadAsync(OpenMultipartUpload upload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ObjectStoreAbilities.Require<IMultipartUploadAborter>(_inner, "multipart uploads");
        _report(new SkippedMutation(MutationKind.AbortMultipartUpload, Url, upload.Key, Detail: upload.UploadId));
        return Task.CompletedTask;
    }

    public IAsyncEnumerable<TemporaryFile> ListTemporaryFilesAsync(CancellationToken cancellationToken) =>
        ObjectStoreAbilities.Require<ITemporaryFileLister>(_inner, "temporary files").ListTemporaryFilesAsync(cancellationToken);

    public Task DeleteTemporaryFileAsync(string name, CancellationToken cancellationToken)
    {
        ObjectStoreAbilities.Require<ITemporaryFileDeleter>(_inner, "temporary files");
        _report(new SkippedMutation(MutationKind.DeleteTemporaryFile, Url, name));
        return Task.CompletedTask;
    }
}
