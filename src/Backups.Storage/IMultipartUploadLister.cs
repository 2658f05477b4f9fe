namespace Backups.Storage;

/// <summary>
/// Optional ability of a store whose large writes are multipart uploads (S3): lists the uploads left open, e.g. by a
/// process killed mid-upload. Find it with <see cref="ObjectStoreAbilities.AsMultipartUploadLister"/>, so wrappers keep working.
/// </summary>
public interface IMultipartUploadLister
{
    /// <summary>Open uploads whose key starts with <paramref name="prefix"/> (relative to the store root), in key order.</summary>
    IAsyncEnumerable<OpenMultipartUpload> ListMultipartUploadsAsync(string prefix, CancellationToken cancellationToken);
}
