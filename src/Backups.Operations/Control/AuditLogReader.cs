using System.Runtime.CompilerServices;
using Backups.Catalog;
using Backups.Storage;
using NodaTime;

namespace Backups.Operations.Control;

/// <summary>Reads a store's audit log (<c>audit/</c>, written by <see cref="StoreAuditLog"/>), downloading only the entries asked for.</summary>
public static class AuditLogReader
{
    /// <summary>Entries at or after <paramref name="since"/> (every entry when null), oldest first.</summary>
    public static async IAsyncEnumerable<AuditEntry> ReadAsync(
        IObjectStore store, Instant? since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        IObjectStore view = since is { } from ? AuditWindowStore.Since(store, from) : store;
        await foreach (var entry in new StoreAuditLog(view).ReadAsync(since, cancellationToken).ConfigureAwait(false))
        {
            yield return entry;
        }
    }
}
