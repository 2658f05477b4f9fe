namespace Backups.Domain.Retention;

/// <summary>The planner's verdict on one complete snapshot, with every reason that keeps it.</summary>
/// <param name="Reasons">
/// Reason names: <c>hourly</c>, <c>daily</c>, <c>weekly</c>, <c>monthly</c>, <c>yearly</c>,
/// <c>oldest-&lt;period&gt;</c>, <c>pinned</c>, <c>newest</c>, <c>future</c>. Empty when expired.
/// </param>
public sealed record SnapshotDecision(SnapshotRef Snapshot, bool Keep, IReadOnlyList<string> Reasons);
