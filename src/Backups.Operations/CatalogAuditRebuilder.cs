using Backups.Catalog;
using Backups.Storage;

namespace Backups.Operations;

/// <summary>Completes the catalog's copy of a store's audit log from the store (the source of truth), reading only the entries it lacks.</summary>
public static class CatalogAuditRebuilder
{
    /// <summary>Copies every entry of the store's <c>audit/</c> that the catalog does not hold; returns how many the store has and how many were copied.</summary>
    public static async Task<(int Entries, int Copied)> RebuildAsync(IObjectStore store, SnapshotCatalog catalog, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(catalog);
        var known = catalog.Audit.Keys(store.Url);
        var log = new StoreAuditLog(store);
        var entries = 0;
        var copied = 0;
        await foreach (var info in store.ListAsync(StoreAuditLog.Prefix, cancellationToken).ConfigureAwait(false))
        {
            entries++;
            if (known.Contains(info.Key))
            {
                continue;
            }
            var entry = await log.ReadEntryAsync(info.Key, cancellationToken).ConfigureAwait(false);
            if (catalog.Audit.Append(store.Url, info.Key, entry))
            {
                copied++;
            }
        }
        return (entries, copied);
    }
}
