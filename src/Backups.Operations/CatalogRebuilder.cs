using Backups.Catalog;
using Backups.Snapshots;
using Backups.Storage;

namespace Backups.Operations;

/// <summary>Reads every committed manifest of a store: the store is the source of truth, the catalog its index.</summary>
public static class CatalogRebuilder
{
    /// <summary>Every complete snapshot of the store (those with a manifest), oldest first; the first damaged manifest throws.</summary>
    public static async Task<IReadOnlyList<Manifest>> ReadManifestsAsync(IObjectStore store, CancellationToken cancellationToken)
    {
        var reader = new SnapshotReader();
        var manifests = new List<Manifest>();
        await foreach (var id in reader.ListSnapshotIdsAsync(store, cancellationToken))
        {
            manifests.Add(await reader.ReadManifestAsync(store, id, cancellationToken));
        }
        return [.. manifests.OrderBy(m => m.CompletedAt).ThenBy(m => m.Id, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Every committed snapshot of the store, reading on past damaged ones: a manifest that does not match its checksum
    /// file, cannot be parsed, or sits in a directory that is not a snapshot id is reported, and the others are returned.
    /// </summary>
    public static async Task<StoreManifests> ReadAllAsync(IObjectStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var reader = new SnapshotReader();
        var manifests = new List<Manifest>();
        var damaged = new List<DamagedSnapshot>();
        await foreach (var id in reader.ListSnapshotIdsAsync(store, cancellationToken))
        {
            if (!SnapshotId.IsValid(id))
            {
                damaged.Add(new DamagedSnapshot(id, SnapshotKeys.Manifest(id), $"'{id}' is not a snapshot id (expected e.g. 20261125T040000Z-1a2b3c4d)"));
                continue;
            }

            try
            {
                manifests.Add(await reader.ReadManifestAsync(store, id, cancellationToken));
            }
            catch (SnapshotCorruptException e)
            {
                damaged.Add(new DamagedSnapshot(id, e.Key, e.Message));
            }
            catch (SnapshotFormatException e)
            {
                damaged.Add(new DamagedSnapshot(id, e.Key, e.Message));
            }
            catch (ObjectNotFoundException)
            {
                // Deleted (expired, collected) between the listing and the read: not damaged, just gone.
            }
        }

        return new StoreManifests(
            [.. manifests.OrderBy(m => m.CompletedAt).ThenBy(m => m.Id, StringComparer.Ordinal)],
            [.. damaged.OrderBy(d => d.Id, StringComparer.Ordinal)]);
    }

    /// <summary>Replaces the catalog's rows for this store with its readable snapshots; damaged ones are left out and returned.</summary>
    public static async Task<StoreManifests> RebuildReadableAsync(IObjectStore store, SnapshotCatalog catalog, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var found = await ReadAllAsync(store, cancellationToken);
        catalog.ReplaceStore(store.Url, found.Manifests.Select(m => CatalogEntries.From(store.Url, m)));
        return found;
    }

    /// <summary>Replaces the catalog's rows for this store with what the store holds; returns the manifests.</summary>
    public static async Task<IReadOnlyList<Manifest>> RebuildAsync(IObjectStore store, SnapshotCatalog catalog, CancellationToken cancellationToken)
    {
        var manifests = await ReadManifestsAsync(store, cancellationToken);
        catalog.ReplaceStore(store.Url, manifests.Select(m => CatalogEntries.From(store.Url, m)));
        return manifests;
    }
}
