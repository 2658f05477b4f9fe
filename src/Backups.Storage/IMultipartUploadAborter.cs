namespace Backups.Storage;

/// <summary>
/// Optional ability paired with <see cref="IMultipartUploadLister"/>: aborts an open upload, freeing its parts.
/// Aborting an upload that no longer exists is not an error. Find it with <see cref="ObjectStoreAbilities.AsMultipartUploadAborter"/>.
/// </summary>
public interface IMultipartUploadAborter
{
    Task AbortMultipartUploadAsync(OpenMultipartUpload upload, CancellationToken cancellationToken);
}
