using Backups.Domain.Retention;
using Backups.Domain.Tests.Support;
using NodaTime;
using static Backups.Domain.Tests.Support.Snaps;

namespace Backups.Domain.Tests.Retention;

/// <summary>Windows are measured back from the newest complete snapshot not after <c>now</c>, never from <c>now</c>.</summary>
public class AnchorTests
{
    private static SnapshotRef[] Daily(string firstUtc, int days) =>
    [
        .. Enumerable.Range(0, days).Select(i => new SnapshotRef($"d{i:D3}", At(firstUtc) + Duration.FromDays(i))),
    ];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(21)]
    [InlineData(60)]
    [InlineData(365 * 3)]
    public void When_backups_stopped_weeks_ago_nothing_more_expires_as_time_passes(int daysSinceLastBackup)
    {
        var snapshots = Daily("2026-02-28T01:30Z", 200); // the last one is 2026-09-15T01:30Z
        var anchor = At("2026-09-15T01:30Z");

        var atTheTime = RetentionPlanner.Plan(snapshots, RetentionRules.Default, anchor);
        var later = RetentionPlanner.Plan(snapshots, RetentionRules.Default, anchor + Duration.FromDays(daysSinceLastBackup));

        later.Anchor.ShouldBe(anchor);
        later.Outcomes().ShouldBe(atTheTime.Outcomes());
        later.Outcome("d199").ShouldBe("hourly, daily, weekly, monthly");
        later.Outcome("d198").ShouldBe("hourly, daily");            // Monday: its week is held by Tuesday's anchor
        later.Outcome("d197").ShouldBe("hourly, daily, weekly");    // Sunday 13 September
    }

    [Fact]
    public void A_young_history_whose_backups_stopped_weeks_ago_expires_nothing()
    {
        var snapshots = Daily("2026-09-06T01:30Z", 10);

        var plan = RetentionPlanner.Plan(snapshots, RetentionRules.Default, At("2026-11-02T00:00Z"));

        plan.Expired.ShouldBeEmpty();
        plan.Guard.Refused.ShouldBeFalse();
    }

    [Fact]
    public void A_future_dated_snapshot_is_kept_as_future_and_neither_anchors_nor_holds_a_bucket()
    {
        // 00:30Z is after now: it is not the anchor, and it does not take the hour of 00:00Z from it.
        var plan = PlanTable.Check(
            Rules("hourly=3d daily=14d"),
            now: "2026-11-02T00:10Z",
            ("2026-11-02T00:30Z", "future"),
            ("2026-11-02T00:00Z", "hourly, daily"),
            ("2026-11-01T23:30Z", "hourly, daily"),
            ("2026-11-01T23:10Z", "expire"),
            ("2026-10-31T12:00Z", "hourly, daily"));

        plan.Anchor.ShouldBe(At("2026-11-02T00:00Z"));
    }

    [Fact]
    public void A_snapshot_dated_exactly_now_is_not_in_the_future()
    {
        var plan = PlanTable.Check(
            Rules("hourly=3d"),
            now: "2026-11-02T00:00Z",
            ("2026-11-02T00:00Z", "hourly"),
            ("2026-11-02T00:00:00.000000001Z", "future"));

        plan.Anchor.ShouldBe(At("2026-11-02T00:00Z"));
    }

    [Fact]
    public void A_snapshot_dated_years_ahead_by_a_skewed_clock_moves_no_window()
    {
        PlanTable.Check(
            Rules("daily=14d"),
            now: "2026-11-02T00:00Z",
            ("2030-01-01T00:00Z", "future"),
            ("2026-11-01T00:00Z", "daily"),
            ("2026-10-25T00:00Z", "daily"));
    }

    [Fact]
    public void A_pinned_future_snapshot_has_the_single_reason_future()
    {
        PlanTable.Check(
            Rules("daily=14d"),
            now: "2026-11-02T00:00Z",
            new PlanTable.Row("ahead", "2026-11-03T00:00Z", "future", Pin: "clock skew under investigation"),
            new PlanTable.Row("now", "2026-11-02T00:00Z", "daily"));
    }

    [Fact]
    public void With_only_future_snapshots_there_is_no_anchor_and_everything_is_kept()
    {
        var plan = PlanTable.Check(
            Rules("hourly=3d daily=14d"),
            now: "2026-11-02T00:00Z",
            ("2026-11-03T00:00Z", "future"),
            ("2026-11-04T00:00Z", "future"));

        plan.Anchor.ShouldBeNull();
        plan.Guard.Refused.ShouldBeFalse();
    }

    [Fact]
    public void An_empty_history_plans_nothing()
    {
        var plan = RetentionPlanner.Plan([], RetentionRules.Default, At("2026-11-02T00:00Z"));

        plan.Anchor.ShouldBeNull();
        plan.Decisions.ShouldBeEmpty();
        plan.Incomplete.ShouldBeEmpty();
        plan.Guard.ShouldBe(GuardVerdict.Allowed);
    }

    [Fact]
    public void Without_tiers_only_the_anchor_is_kept_with_the_reason_newest()
    {
        PlanTable.Check(
            Rules(""),
            now: "2026-11-02T00:00Z",
            ("2026-11-01T00:00Z", "expire"),
            ("2026-11-02T00:00Z", "newest"),
            ("2026-10-01T00:00Z", "expire"));
    }
}
