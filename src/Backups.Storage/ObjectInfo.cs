namespace Backups.Storage;

/// <summary>One stored object: key relative to the store root, size in bytes, and storage class where the store has them.</summary>
public sealed record ObjectInfo(string Key, long Size, string? StorageClass = null);
