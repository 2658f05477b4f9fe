using Backups.Catalog;
using Backups.Snapshots;
using Backups.Storage;

namespace Backups.Operations;

/// <summary>Reads every committed manifest of a store: the store is the source of truth, the catalog its index.</summary>
public static class CatalogRebuilder
{
    /// <summary>Every complete snapshot of the store (those with a manifest), oldest first.</summary>
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

    /// <summary>Replaces the catalog's rows for this store with what the store holds; returns the manifests.</summary>
    public static async Task<IReadOnlyList<Manifest>> RebuildAsync(IObjectStore store, SnapshotCatalog catalog, CancellationToken cancellationToken)
    {
        var manifests = await ReadManifestsAsync(store, cancellationToken);
        catalog.ReplaceStore(store.Url, manifests.Select(m => CatalogEntries.From(store.Url, m)));
        return manifests;
    }
}
