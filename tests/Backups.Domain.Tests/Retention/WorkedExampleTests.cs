using Backups.Domain.Retention;
using Backups.Domain.Tests.Support;
using static Backups.Domain.Tests.Support.Snaps;

namespace Backups.Domain.Tests.Retention;

/// <summary>The worked example of docs/retention.md, row by row.</summary>
public class WorkedExampleTests
{
    [Fact]
    public void The_worked_example_of_the_contract_plans_exactly_as_documented()
    {
        var plan = PlanTable.Check(
            Rules("hourly=3d daily=14d weekly=60d monthly=180d"),
            now: "2026-11-02T00:00Z",
            ("2026-11-02T00:00Z", "hourly, daily, weekly, monthly"),
            ("2026-11-01T10:30Z", "hourly, daily, weekly"),
            ("2026-11-01T10:00Z", "expire"),
            ("2026-10-01T00:00Z", "weekly, monthly"),
            ("2026-05-01T00:00Z", "expire"));

        plan.Anchor.ShouldBe(At("2026-11-02T00:00Z"));
    }

    [Fact]
    public void The_worked_example_plans_the_same_with_the_default_rules_and_any_input_order()
    {
        var snapshots = new[]
        {
            S("2026-05-01T00:00Z"), S("2026-11-01T10:00Z"), S("2026-11-02T00:00Z"), S("2026-10-01T00:00Z"), S("2026-11-01T10:30Z"),
        };

        var plan = RetentionPlanner.Plan(
            snapshots, RetentionRules.Default, At("2026-11-02T00:00Z"));

        plan.Outcomes().ShouldBe(
        [
            "2026-05-01T00:00Z: expire",
            "2026-11-01T10:00Z: expire",
            "2026-11-02T00:00Z: hourly, daily, weekly, monthly",
            "2026-10-01T00:00Z: weekly, monthly",
            "2026-11-01T10:30Z: hourly, daily, weekly",
        ]);
    }
}
