using NodaTime;

namespace Backups.Domain.Retention;

/// <summary>
/// The result of planning: the anchor, a decision for every complete snapshot (in input order),
/// the incomplete snapshots (never part of the plan; garbage after a grace period) and the guards' verdict.
/// </summary>
public sealed record RetentionPlan(
    Instant? Anchor,
    IReadOnlyList<SnapshotDecision> Decisions,
    IReadOnlyList<SnapshotRef> Incomplete,
    GuardVerdict Guard)
{
    public IEnumerable<SnapshotDecision> Kept => Decisions.Where(d => d.Keep);

    public IEnumerable<SnapshotDecision> Expired => Decisions.Where(d => !d.Keep);
}
