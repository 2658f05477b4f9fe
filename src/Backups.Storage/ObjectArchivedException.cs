namespace Backups.Storage;

/// <summary>
/// The object exists but sits in an archive storage class (GLACIER, DEEP_ARCHIVE) and must be restored
/// (see <see cref="IArchiveStore.RequestRestoreAsync"/>) before it can be read or copied.
/// </summary>
public sealed class ObjectArchivedException(string storeUrl, string key, string storageClass, Exception? inner = null)
    : Exception($"object '{key}' in {storeUrl} is archived in {storageClass}: request a restore before reading it", inner)
{
    public string Key { get; } = key;

    public string StorageClass { get; } = storageClass;
}
