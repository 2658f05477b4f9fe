using Backups.Domain.Retention;
using Backups.Domain.Tests.Support;
using NodaTime;
using static Backups.Domain.Tests.Support.Snaps;

namespace Backups.Domain.Tests.Retention;

/// <summary>The oldest rule keeps the far edge of a history younger than a tier's window.</summary>
public class OldestRuleTests
{
    [Fact]
    public void A_history_younger_than_every_window_keeps_its_oldest_snapshot_in_every_tier()
    {
        // Every 6 hours for 10 days (2026-10-20 00:00 .. 2026-10-29 18:00): daily keeps the 18:00 of each
        // day; weekly keeps Sunday 25 October 18:00 (week 43) and the anchor (week 44). The oldest, Tuesday
        // 20 October 00:00, is inside both windows but holds neither bucket: it stays as oldest-<period>.
        var start = At("2026-10-20T00:00Z");
        var snapshots = Enumerable.Range(0, 40)
            .Select(i => new SnapshotRef($"s{i:D2}", start + Duration.FromHours(6 * i)))
            .ToArray();

        var plan = RetentionPlanner.Plan(snapshots, Rules("daily=14d weekly=60d"), At("2026-10-29T18:00Z"));

        plan.Outcome("s00").ShouldBe("oldest-daily, oldest-weekly");
        plan.Outcome("s01").ShouldBe("expire");
        plan.Outcome("s03").ShouldBe("daily");               // 20 October 18:00
        plan.Outcome("s23").ShouldBe("daily, weekly");       // 25 October 18:00, Sunday
        plan.Outcome("s39").ShouldBe("daily, weekly");       // the anchor
        plan.Kept.Count().ShouldBe(11);
    }

    [Fact]
    public void Only_the_tiers_whose_window_holds_the_oldest_snapshot_keep_it()
    {
        // Every 6 hours for 3 days: the oldest (3 days back) is outside hourly=1d but inside daily=14d.
        var start = At("2026-10-30T00:00Z");
        var snapshots = Enumerable.Range(0, 12)
            .Select(i => new SnapshotRef($"s{i:D2}", start + Duration.FromHours(6 * i)))
            .ToArray();

        var plan = RetentionPlanner.Plan(snapshots, Rules("hourly=1d daily=14d"), At("2026-11-01T18:00Z"));

        plan.Outcome("s00").ShouldBe("oldest-daily");
        plan.Outcome("s01").ShouldBe("expire");
        plan.Outcome("s03").ShouldBe("daily");               // 30 October 18:00
        plan.Outcome("s07").ShouldBe("daily");               // 31 October 18:00: on the hourly cutoff, so not hourly
        plan.Outcome("s08").ShouldBe("hourly");
        plan.Outcome("s11").ShouldBe("hourly, daily");
        plan.Kept.Count().ShouldBe(7);
    }

    [Fact]
    public void An_oldest_snapshot_that_holds_its_bucket_is_kept_by_the_plain_tier_reason()
    {
        PlanTable.Check(
            Rules("daily=14d"),
            now: "2026-10-21T18:00Z",
            ("2026-10-20T12:00Z", "daily"),
            ("2026-10-21T06:00Z", "expire"),
            ("2026-10-21T18:00Z", "daily"));
    }

    [Fact]
    public void An_oldest_snapshot_outside_every_window_is_expired()
    {
        PlanTable.Check(
            Rules("daily=14d"),
            now: "2026-11-02T00:00Z",
            ("2026-10-01T12:00Z", "expire"),
            ("2026-11-01T06:00Z", "expire"),
            ("2026-11-01T18:00Z", "daily"),
            ("2026-11-02T00:00Z", "daily"));
    }
}
