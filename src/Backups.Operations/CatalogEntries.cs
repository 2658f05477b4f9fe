using Backups.Catalog;
using Backups.Snapshots;

namespace Backups.Operations;

/// <summary>Turns a manifest into the catalog's index entry.</summary>
public static class CatalogEntries
{
    public static CatalogEntry From(string storeUrl, Manifest manifest) => new(
        storeUrl,
        manifest.Id,
        manifest.Policy,
        manifest.Source.Kind,
        manifest.Source.Database,
        manifest.StartedAt,
        manifest.CompletedAt,
        manifest.Totals.Tables,
        manifest.Totals.Rows,
        manifest.Totals.Bytes,
        string.Join(" ", manifest.ConsistencyPoint.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")));
}
