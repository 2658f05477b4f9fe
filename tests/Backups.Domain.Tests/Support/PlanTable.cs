using Backups.Domain.Retention;

namespace Backups.Domain.Tests.Support;

/// <summary>
/// Table-driven plan checks: each row is a snapshot and its expected outcome (reasons joined by <c>", "</c>,
/// or <c>expire</c>); the whole plan must match the table, row by row, in input order.
/// </summary>
internal static class PlanTable
{
    /// <summary>Rows whose snapshot id is its UTC instant text.</summary>
    public static RetentionPlan Check(RetentionRules rules, string now, params (string Time, string Outcome)[] rows) =>
        Check(rules, now, [.. rows.Select(r => new Row(r.Time, r.Time, r.Outcome))]);

    public static RetentionPlan Check(RetentionRules rules, string now, params Row[] rows)
    {
        var snapshots = rows.Select(r => Snaps.S(r.Id, r.Time, r.Pin)).ToArray();
        var plan = RetentionPlanner.Plan(snapshots, rules, Snaps.At(now));
        plan.Outcomes().ShouldBe([.. rows.Select(r => $"{r.Id}: {r.Outcome}")]);
        return plan;
    }

    /// <summary>One snapshot of a table: id, UTC instant, expected outcome and an optional pin.</summary>
    internal sealed record Row(string Id, string Time, string Outcome, string? Pin = null);
}
