using Backups.Storage;
using Microsoft.Data.Sqlite;

namespace Backups.Catalog;

/// <summary>
/// The audit log as every writer keeps it: each entry goes to the store's <c>audit/</c> first (that write must succeed
/// before the audited action proceeds), then, best effort, into the catalog's copy under the same key. A catalog that
/// cannot be written is reported to <paramref name="onMirrorFailed"/> and never fails the action: the store holds the
/// entry, and <c>backups catalog rebuild</c> copies what the catalog lacks.
/// </summary>
/// <param name="store">The store acted on.</param>
/// <param name="catalogPath">The catalog file; null keeps the log in the store only.</param>
/// <param name="onMirrorFailed">Told when an entry could not be copied into the catalog.</param>
public sealed class MirroredAuditLog(IObjectStore store, string? catalogPath, Action<Exception>? onMirrorFailed = null) : IAuditSink
{
    private readonly StoreAuditLog _store = new(store);

    public async Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        var key = await _store.AppendAsync(entry, cancellationToken).ConfigureAwait(false);
        if (catalogPath is null)
        {
            return;
        }
        try
        {
            using var catalog = SnapshotCatalog.Open(catalogPath);
            catalog.Audit.Append(store.Url, key, entry);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            onMirrorFailed?.Invoke(e);
        }
    }
}
