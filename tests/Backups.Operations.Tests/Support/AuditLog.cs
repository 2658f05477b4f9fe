using Backups.Catalog;
using Backups.Storage;

namespace Backups.Operations.Tests.Support;

/// <summary>Reads a store's audit log back.</summary>
internal static class AuditLog
{
    public static async Task<List<AuditEntry>> AllAsync(IObjectStore store)
    {
        var result = new List<AuditEntry>();
        await foreach (var entry in new StoreAuditLog(store).ReadAsync(null, CancellationToken.None))
        {
            result.Add(entry);
        }
        return result;
    }

    /// <summary>The log as <c>phase action snapshot</c> lines.</summary>
    public static async Task<List<string>> LinesAsync(IObjectStore store, string? action = null) =>
        [.. (await AllAsync(store)).Where(e => action is null || e.Action == action).Select(e => $"{e.Phase} {e.Action} {e.SnapshotId}")];
}
