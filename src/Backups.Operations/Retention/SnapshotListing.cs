using Backups.Snapshots;
using Backups.Storage;

namespace Backups.Operations.Retention;

/// <summary>One listing of <c>snapshots/</c>, grouped by snapshot directory (stores list in key order, so a directory's objects are adjacent).</summary>
internal static class SnapshotListing
{
    public sealed record Directory(string Id, IReadOnlyList<ObjectInfo> Objects, bool HasManifest);

    public static async Task<IReadOnlyList<Directory>> ReadAsync(IObjectLister store, CancellationToken cancellationToken)
    {
        var result = new List<Directory>();
        string? current = null;
        var objects = new List<ObjectInfo>();
        var hasManifest = false;
        await foreach (var item in store.ListAsync(SnapshotKeys.Root, cancellationToken).ConfigureAwait(false))
        {
            var slash = item.Key.IndexOf('/', SnapshotKeys.Root.Length);
            if (!item.Key.StartsWith(SnapshotKeys.Root, StringComparison.Ordinal) || slash <= SnapshotKeys.Root.Length)
            {
                continue;
            }
            var id = item.Key[SnapshotKeys.Root.Length..slash];
            if (current != id)
            {
                if (current is not null)
                {
                    result.Add(new Directory(current, objects, hasManifest));
                }
                current = id;
                objects = [];
                hasManifest = false;
            }
            objects.Add(item);
            hasManifest |= item.Key.AsSpan(slash + 1).SequenceEqual(SnapshotKeys.ManifestFileName);
        }
        if (current is not null)
        {
            result.Add(new Directory(current, objects, hasManifest));
        }
        return result;
    }
}
