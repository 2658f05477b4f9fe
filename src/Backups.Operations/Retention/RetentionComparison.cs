using Backups.Domain.Policies;
using Backups.Domain.Retention;
using Backups.Storage;
using NodaTime;

namespace Backups.Operations.Retention;

/// <summary>
/// Two versions of a policy planned against the same snapshots as of the same instant: what the new one would expire
/// that the old one keeps (and the reverse). What <c>backups policy diff --snapshots-from-store</c> prints and what the
/// service holds a policy edit for before it takes effect.
/// </summary>
/// <param name="Store">The store both were planned against.</param>
/// <param name="Now">The instant both were planned as of.</param>
/// <param name="Old">The plan of the policy as it is.</param>
/// <param name="New">The plan of the policy as edited.</param>
public sealed record RetentionComparison(string Store, Instant Now, RetentionExecutionPlan Old, RetentionExecutionPlan New)
{
    /// <summary>Each snapshot's decision under both versions, in the planner's order.</summary>
    public IEnumerable<(SnapshotDecision Old, SnapshotDecision New)> Pairs => Old.Plan.Decisions.Zip(New.Plan.Decisions);

    /// <summary>Snapshots the old version keeps and the new one expires.</summary>
    public IEnumerable<(SnapshotDecision Old, SnapshotDecision New)> NewlyExpired => Pairs.Where(p => p.Old.Keep && !p.New.Keep);

    /// <summary>Snapshots the old version expires and the new one keeps.</summary>
    public IEnumerable<(SnapshotDecision Old, SnapshotDecision New)> NewlyKept => Pairs.Where(p => !p.Old.Keep && p.New.Keep);

    /// <summary>Why the new version expires <paramref name="id"/>.</summary>
    public string NewReason(string id) => New.Expiries.FirstOrDefault(a => a.SnapshotId == id)?.Reason ?? "expired";

    /// <summary>Plans both versions from what was read (pure).</summary>
    public static RetentionComparison Plan(RetentionExecutor executor, StoreSnapshots snapshots, Policy before, Policy after, Instant now)
    {
        ArgumentNullException.ThrowIfNull(executor);
        ArgumentNullException.ThrowIfNull(snapshots);
        return new RetentionComparison(snapshots.StoreUrl, now, executor.Plan(snapshots, before, now), executor.Plan(snapshots, after, now));
    }

    /// <summary>Reads the snapshots <paramref name="before"/>'s policy took from <paramref name="store"/> and plans both versions. Changes nothing.</summary>
    public static async Task<RetentionComparison> CompareAsync(
        RetentionExecutor executor, IObjectStore store, Policy before, Policy after, Instant now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(executor);
        ArgumentNullException.ThrowIfNull(before);
        var snapshots = await executor.ReadAsync(store, before.Name, cancellationToken).ConfigureAwait(false);
        return Plan(executor, snapshots, before, after, now);
    }
}
