using Backups.Domain.Retention;
using NodaTime;
using static Backups.Domain.Tests.Support.Snaps;

namespace Backups.Domain.Tests.Retention;

/// <summary>Whole-history counts derived by hand for regular histories.</summary>
public class LargeHistoryTests
{
    private static SnapshotRef[] Every(Duration step, int count, Instant newest) =>
    [
        .. Enumerable.Range(0, count).Select(i => new SnapshotRef($"s{i:D6}", newest - (step * (count - 1 - i)))),
    ];

    [Fact]
    public void A_year_of_hourly_snapshots_keeps_exactly_95_under_the_default_tiers()
    {
        // 8,760 snapshots, one every hour on the hour, the newest (the anchor A) at 2026-05-31T23:00Z.
        // A is chosen so the derivation is clean: 31 May 2026 is a Sunday (the last day of an ISO week)
        // AND the last day of a month, and 23:00 is the last hour of the day, so A is the newest snapshot
        // of its hour, day, week and month. Snapshot k hours before A is "k"; D = 31 May.
        //
        // hourly=3d:   cutoff A-72h; inside k = 0..71, each alone in its hour          -> 72 kept
        // daily=14d:   cutoff A-336h; inside k = 0..335 = 14 whole days 18..31 May;
        //              each day's newest is its 23:00 (k = 0, 24, ..., 312)           -> 14 kept,
        //              of which k = 0, 24, 48 are already hourly (k < 72)             -> 11 new
        // weekly=60d:  cutoff A-1440h; inside = 60 whole days, 2 Apr (Thu) .. 31 May;
        //              the weeks' newest: Sundays 23:00, 5 Apr .. 31 May               -> 9 kept
        //              (8 whole weeks + the Thu..Sun tail of the week of 30 March),
        //              of which 24 and 31 May are already daily                        -> 7 new
        // monthly=180d: cutoff A-4320h; inside = 180 whole days, 3 Dec 2025 .. 31 May;
        //              the months' newest: the last day 23:00 of Dec, Jan, Feb, Mar, Apr, May -> 6 kept,
        //              of which only 31 May (A) is kept already (30 April is a Thursday,
        //              before the daily window; the others are before the weekly window) -> 5 new
        // oldest rule: the oldest, k = 8759 (2025-06-01T00:00Z), is outside every window -> 0
        //
        // Total: 72 + 11 + 7 + 5 = 95.
        var anchor = At("2026-05-31T23:00Z");
        var snapshots = Every(Duration.FromHours(1), 8_760, anchor);

        var plan = RetentionPlanner.Plan(snapshots, RetentionRules.Default, anchor);

        plan.Anchor.ShouldBe(anchor);
        plan.Kept.Count().ShouldBe(95);
        plan.Expired.Count().ShouldBe(8_760 - 95);
        CountWith(plan, "hourly").ShouldBe(72);
        CountWith(plan, "daily").ShouldBe(14);
        CountWith(plan, "weekly").ShouldBe(9);
        CountWith(plan, "monthly").ShouldBe(6);
        plan.Decisions.Any(d => d.Reasons.Any(r => r.StartsWith("oldest-", StringComparison.Ordinal))).ShouldBeFalse();
        plan.Decisions[^1].Reasons.ShouldBe(["hourly", "daily", "weekly", "monthly"]);
    }

    [Fact]
    public void Over_100_000_snapshots_the_plan_keeps_the_same_handful()
    {
        // 120,000 snapshots every 5 minutes (~417 days), the newest A at 2026-05-31T23:55Z, tiers as above
        // plus yearly=2y. The derivation above holds with ":55" for ":00" (each hour's, day's, week's and
        // month's newest is its :55 snapshot; the cutoffs fall on :55, so the windows hold the same whole
        // hours and days): 95. Yearly keeps 2025's newest, 2025-12-31T23:55Z, which monthly keeps already
        // (December's newest), and A -> +0. The oldest (2025-04-10T08:00Z, ~417 days back) is inside
        // yearly=2y but 2025's bucket is held: it stays as oldest-yearly -> +1. Total 96.
        var anchor = At("2026-05-31T23:55Z");
        var snapshots = Every(Duration.FromMinutes(5), 120_000, anchor);
        snapshots[0].Time.ShouldBe(At("2025-04-10T08:00Z"));
        var rules = Rules("hourly=3d daily=14d weekly=60d monthly=180d yearly=2y");

        var plan = RetentionPlanner.Plan(snapshots, rules, anchor);

        plan.Decisions.Count.ShouldBe(120_000);
        CountWith(plan, "hourly").ShouldBe(72);
        CountWith(plan, "daily").ShouldBe(14);
        CountWith(plan, "weekly").ShouldBe(9);
        CountWith(plan, "monthly").ShouldBe(6);
        CountWith(plan, "yearly").ShouldBe(2);
        plan.Decisions[0].Reasons.ShouldBe(["oldest-yearly"]);
        plan.Kept.Count().ShouldBe(96);
        plan.Outcome("s" + (120_000 - 1 - (12 * 24 * 151)).ToString("D6", System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe("monthly, yearly"); // 151 days before A: 2025-12-31T23:55Z
    }

    private static int CountWith(RetentionPlan plan, string reason) => plan.Decisions.Count(d => d.Reasons.Contains(reason));
}
