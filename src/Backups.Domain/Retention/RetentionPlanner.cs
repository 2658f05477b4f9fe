using NodaTime;

namespace Backups.Domain.Retention;

/// <summary>The pure retention planner: snapshots, rules and <c>now</c> in, a plan with reasons out (docs/retention.md).</summary>
public static class RetentionPlanner
{
    public static RetentionPlan Plan(IReadOnlyList<SnapshotRef> snapshots, RetentionRules rules, Instant now)
    {
        throw new NotImplementedException();
    }
}
