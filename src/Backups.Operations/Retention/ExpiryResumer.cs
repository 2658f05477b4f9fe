using Backups.Operations.Control;
using Backups.Snapshots;
using Backups.Storage;
using NodaTime;

namespace Backups.Operations.Retention;

/// <summary>
/// Finds a policy's expiries that were begun and not finished, from the store's audit log: the last <c>expire</c>
/// intent of a snapshot (whose manifest, kept as the intent's before-state, names the policy) with no <c>done</c> after
/// it, and either no outcome at all (the run crashed) or a <c>failed</c> outcome after the manifest was already deleted
/// (the snapshot is invisible but some of its objects remain). A failed expiry whose manifest is still there is not
/// pending: the snapshot is still complete and the current plan decides about it again.
/// </summary>
internal static class ExpiryResumer
{
    public static async Task<IReadOnlyList<PendingExpiry>> FindAsync(
        IObjectStore store,
        AuditEntryCache log,
        string policy,
        Instant since,
        AuditClock auditClock,
        CancellationToken cancellationToken)
    {
        var open = new Dictionary<string, (AuditRecord Intent, AuditRecord? Failure)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var record in await log.ReadAsync(store, since, cancellationToken).ConfigureAwait(false))
        {
            auditClock.Observe(record.At);
            if (record.Action != AuditActions.Expire || record.SnapshotId is not { } id)
            {
                continue;
            }
            switch (record.Phase)
            {
                case AuditActions.Intent:
                    open[id] = (record, null);
                    order.Remove(id);
                    order.Add(id);
                    break;
                case AuditActions.Done:
                    open.Remove(id);
                    order.Remove(id);
                    break;
                case AuditActions.Failed when open.TryGetValue(id, out var pending):
                    open[id] = pending with { Failure = record };
                    break;
            }
        }

        var result = new List<PendingExpiry>();
        foreach (var id in order)
        {
            var (intent, failure) = open[id];
            if (!string.Equals(intent.Policy, policy, StringComparison.Ordinal))
            {
                continue; // another policy's: its own runs finish it (and may be running right now)
            }
            if (failure is not null
                && await store.HeadAsync(SnapshotKeys.Manifest(id), cancellationToken).ConfigureAwait(false) is not null)
            {
                continue; // failed before the manifest went: still a complete snapshot, planned afresh
            }
            result.Add(new PendingExpiry(await AuditEntryCache.ReadFullAsync(store, intent.Key, cancellationToken).ConfigureAwait(false), failure));
        }
        return result;
    }
}
