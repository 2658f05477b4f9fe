using System.Collections.Concurrent;
using System.Text.Json;
using Backups.Catalog;
using Backups.Storage;
using NodaTime;

namespace Backups.Operations.Control;

/// <summary>
/// Reads a recent window of a store's audit log, downloading each entry only once: entries are never changed after
/// they are written, so a long-lived reader (the service's) only fetches what was added since its last read. Only a
/// small <see cref="AuditRecord"/> of each entry is kept; entries that fall out of the window are forgotten. Thread-safe.
/// </summary>
internal sealed class AuditEntryCache
{
    private readonly ConcurrentDictionary<(string Store, string Key), AuditRecord> _records = new();

    /// <summary>The entries keyed at or after <paramref name="since"/>, in log order.</summary>
    public async Task<IReadOnlyList<AuditRecord>> ReadAsync(IObjectStore store, Instant since, CancellationToken cancellationToken)
    {
        var listed = new List<ObjectInfo>();
        await foreach (var info in AuditWindowStore.Since(store, since).ListAsync(StoreAuditLog.Prefix, cancellationToken).ConfigureAwait(false))
        {
            listed.Add(info);
        }

        var found = new Dictionary<string, AuditRecord>(StringComparer.Ordinal);
        var missing = new List<ObjectInfo>();
        foreach (var info in listed)
        {
            if (_records.TryGetValue((store.Url, info.Key), out var cached))
            {
                found[info.Key] = cached;
            }
            else
            {
                missing.Add(info);
            }
        }
        if (missing.Count > 0)
        {
            var index = 0;
            await foreach (var entry in new StoreAuditLog(AuditWindowStore.Exactly(store, missing)).ReadAsync(null, cancellationToken).ConfigureAwait(false))
            {
                var key = missing[index++].Key;
                var record = new AuditRecord(key, entry.At, entry.Phase, entry.Action, entry.SnapshotId, ManifestPolicy(entry), entry.Detail);
                found[key] = record;
                _records[(store.Url, key)] = record;
            }
        }

        var inWindow = listed.Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var key in _records.Keys.Where(k => k.Store == store.Url && !inWindow.Contains(k.Key)))
        {
            _records.TryRemove(key, out _);
        }
        return [.. listed.Select(o => found[o.Key])];
    }

    /// <summary>One entry in full (objects and before-state included).</summary>
    public static async Task<AuditEntry> ReadFullAsync(IObjectStore store, string key, CancellationToken cancellationToken)
    {
        var info = await store.HeadAsync(key, cancellationToken).ConfigureAwait(false) ?? throw new ObjectNotFoundException(store.Url, key);
        await foreach (var entry in new StoreAuditLog(AuditWindowStore.Exactly(store, [info])).ReadAsync(null, cancellationToken).ConfigureAwait(false))
        {
            return entry;
        }
        throw new ObjectNotFoundException(store.Url, key);
    }

    /// <summary>The <c>policy</c> of the manifest an <c>expire</c> intent holds as its before-state, or null.</summary>
    private static string? ManifestPolicy(AuditEntry entry)
    {
        if (entry.Action != AuditActions.Expire || entry.Phase != AuditActions.Intent || entry.Before is null)
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(entry.Before);
            return document.RootElement.ValueKind == JsonValueKind.Object
                   && document.RootElement.TryGetProperty("policy", out var policy)
                   && policy.ValueKind == JsonValueKind.String
                ? policy.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
