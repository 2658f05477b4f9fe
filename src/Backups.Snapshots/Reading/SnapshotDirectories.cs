using System.Runtime.CompilerServices;
using Backups.Storage;

namespace Backups.Snapshots.Reading;

/// <summary>
/// Groups the store's listing of <c>snapshots/</c> by directory. Stores list in ordinal key order, so each
/// directory's objects arrive together and only one directory is held at a time.
/// </summary>
internal static class SnapshotDirectories
{
    public static async IAsyncEnumerable<SnapshotDirectory> ListAsync(IObjectLister store, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        string? current = null;
        var objects = new List<ObjectInfo>();
        var hasManifest = false;
        await foreach (var item in store.ListAsync(SnapshotKeys.Root, cancellationToken).ConfigureAwait(false))
        {
            var slash = item.Key.IndexOf('/', SnapshotKeys.Root.Length);
            if (!item.Key.StartsWith(SnapshotKeys.Root, StringComparison.Ordinal) || slash <= SnapshotKeys.Root.Length)
            {
                continue; // not inside a snapshot directory
            }

            var id = item.Key[SnapshotKeys.Root.Length..slash];
            if (current != id)
            {
                if (current is not null)
                {
                    yield return new SnapshotDirectory(current, objects, hasManifest);
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
            yield return new SnapshotDirectory(current, objects, hasManifest);
        }
    }
}
