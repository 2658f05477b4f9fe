using Backups.Domain.Retention;
using Backups.Domain.Tests.Support;
using static Backups.Domain.Tests.Support.PlanTable;
using static Backups.Domain.Tests.Support.Snaps;

namespace Backups.Domain.Tests.Retention;

public class PinAndIncompleteTests
{
    [Fact]
    public void A_pinned_snapshot_is_kept_whatever_the_tiers_say_and_after_any_tier_reason()
    {
        var plan = PlanTable.Check(
            Rules("hourly=3d daily=14d"),
            now: "2026-11-02T00:00Z",
            new Row("now", "2026-11-02T00:00Z", "hourly, daily"),
            new Row("today", "2026-11-01T10:00Z", "hourly, daily, pinned", Pin: "under review"),
            new Row("before-incident", "2026-03-01T00:00Z", "pinned", Pin: "last good before incident 4711"),
            new Row("old", "2026-02-01T00:00Z", "expire"));

        plan.Decisions.Single(d => d.Snapshot.Id == "before-incident").Snapshot.PinReason
            .ShouldBe("last good before incident 4711");
    }

    [Fact]
    public void A_pinned_anchor_without_tiers_is_kept_as_pinned_only()
    {
        PlanTable.Check(
            Rules(""),
            now: "2026-11-02T00:00Z",
            new Row("anchor", "2026-11-02T00:00Z", "pinned", Pin: "keep"),
            new Row("other", "2026-11-01T00:00Z", "expire"));
    }

    [Fact]
    public void Incomplete_snapshots_are_reported_apart_and_take_no_part_in_the_plan()
    {
        // The incomplete ones are newer: they neither anchor the windows nor hold the hour of 10:00Z.
        var snapshots = new[]
        {
            S("a", "2026-11-01T10:00Z"),
            Incomplete("broken-1", "2026-11-01T10:30Z"),
            S("b", "2026-10-01T00:00Z"),
            Incomplete("broken-2", "2026-11-02T00:00Z"),
        };

        var plan = RetentionPlanner.Plan(snapshots, Rules("hourly=3d daily=14d"), At("2026-11-02T00:00Z"));

        plan.Anchor.ShouldBe(At("2026-11-01T10:00Z"));
        plan.Outcomes().ShouldBe(["a: hourly, daily", "b: expire"]);
        plan.Incomplete.Select(s => s.Id).ShouldBe(["broken-1", "broken-2"]);
    }

    [Fact]
    public void An_incomplete_snapshot_is_not_the_oldest()
    {
        var snapshots = new[]
        {
            Incomplete("broken", "2026-10-30T00:00Z"),
            S("early", "2026-11-01T01:00Z"),
            S("late", "2026-11-01T23:00Z"),
        };

        var plan = RetentionPlanner.Plan(snapshots, Rules("daily=14d"), At("2026-11-02T00:00Z"));

        plan.Outcomes().ShouldBe(["early: oldest-daily", "late: daily"]);
    }
}
