namespace Backups.Operations.Garbage;

/// <summary>Everything <c>backups gc</c> found, each item with whether it may be removed yet and why.</summary>
/// <param name="Snapshots">Snapshot directories without a manifest.</param>
/// <param name="Uploads">Open multipart uploads (S3 stores).</param>
/// <param name="StoreTemporaryFiles">The store's own temporary files (directory stores).</param>
/// <param name="LocalTemporary">This program's leftovers in the local temporary directory.</param>
/// <param name="LocalDirectory">The local temporary directory looked at.</param>
public sealed record GarbagePlan(
    IReadOnlyList<GarbageItem> Snapshots,
    IReadOnlyList<UploadGarbage> Uploads,
    IReadOnlyList<StoreTemporaryGarbage> StoreTemporaryFiles,
    IReadOnlyList<LocalTemporaryGarbage> LocalTemporary,
    string LocalDirectory)
{
    public bool IsEmpty => Snapshots.Count == 0 && Uploads.Count == 0 && StoreTemporaryFiles.Count == 0 && LocalTemporary.Count == 0;
}
