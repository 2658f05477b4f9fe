using Backups.Domain.Retention;
using Backups.Domain.Tests.Support;
using static Backups.Domain.Tests.Support.Snaps;

namespace Backups.Domain.Tests.Retention;

/// <summary>Calendar buckets are computed in the policy zone: DST changes and ISO weeks across a year end.</summary>
public class BucketEdgeTests
{
    [Fact]
    public void Buckets_across_spring_forward_in_New_York_follow_local_hours_and_local_days()
    {
        // 2026-03-08 in New York: 01:59 EST is followed by 03:00 EDT (local 02:xx does not exist), and the
        // local day starts at 05:00Z, so 04:59Z still belongs to 7 March. That day has 23 hours.
        PlanTable.Check(
            Rules("hourly=2d daily=7d", "America/New_York"),
            now: "2026-03-08T12:00Z",
            ("2026-03-08T12:00Z", "hourly, daily"),   // 08:00 EDT, the anchor
            ("2026-03-08T07:30Z", "hourly"),          // 03:30 EDT: newest of local hour 03
            ("2026-03-08T07:00Z", "expire"),          // 03:00 EDT: same local hour
            ("2026-03-08T06:59Z", "hourly"),          // 01:59 EST: newest of local hour 01, the hour before the gap
            ("2026-03-08T06:30Z", "expire"),          // 01:30 EST
            ("2026-03-08T05:00Z", "hourly"),          // 00:00 EST on 8 March
            ("2026-03-08T04:59Z", "hourly, daily"));  // 23:59 EST on 7 March: newest of its local day
    }

    [Fact]
    public void The_hour_repeated_at_fall_back_in_New_York_is_one_local_hour_bucket()
    {
        // 2026-11-01 in New York: 01:00-01:59 happens twice, first in EDT (05:00-05:59Z) then in EST
        // (06:00-06:59Z). Hourly buckets are local (year, month, day, hour), so both passes form ONE bucket
        // of two elapsed hours, and the hourly tier keeps only its newest snapshot (the last of the EST
        // pass). This is the deliberate choice: a bucket is a local clock hour, as daily buckets are local
        // days (that day is 25 hours long), and the UTC offset is not part of the key.
        PlanTable.Check(
            Rules("hourly=2d daily=7d", "America/New_York"),
            now: "2026-11-01T15:00Z",
            ("2026-11-01T15:00Z", "hourly, daily"),   // 10:00 EST, the anchor
            ("2026-11-01T07:00Z", "hourly"),          // 02:00 EST
            ("2026-11-01T06:59Z", "hourly"),          // 01:59 EST: newest of the repeated hour
            ("2026-11-01T06:10Z", "expire"),          // 01:10 EST (second pass)
            ("2026-11-01T05:50Z", "expire"),          // 01:50 EDT (first pass): same local hour, older
            ("2026-11-01T05:10Z", "expire"),          // 01:10 EDT
            ("2026-11-01T04:59Z", "hourly"),          // 00:59 EDT
            ("2026-11-01T03:59Z", "hourly, daily"));  // 23:59 EDT on 31 October
    }

    [Fact]
    public void The_same_instants_bucket_differently_in_UTC_and_in_New_York()
    {
        // 04:59Z and 05:00Z are both 8 March in UTC, but 23:59 on 7 March and 00:00 on 8 March in New York.
        // (An older snapshot comes first so that the oldest rule does not apply to 04:59Z.)
        var snapshots = new[] { S("2026-03-01T12:00Z"), S("2026-03-08T04:59Z"), S("2026-03-08T05:00Z") };
        var now = At("2026-03-08T05:00Z");

        RetentionPlanner.Plan(snapshots, Rules("daily=7d"), now).Outcomes().ShouldBe(
            ["2026-03-01T12:00Z: daily", "2026-03-08T04:59Z: expire", "2026-03-08T05:00Z: daily"]);
        RetentionPlanner.Plan(snapshots, Rules("daily=7d", "America/New_York"), now).Outcomes().ShouldBe(
            ["2026-03-01T12:00Z: daily", "2026-03-08T04:59Z: daily", "2026-03-08T05:00Z: daily"]);
    }

    [Fact]
    public void ISO_week_53_of_2026_runs_from_28_December_to_3_January_across_the_year_end()
    {
        // 2026 has an ISO week 53 (it starts on a Thursday): 2026-12-28 (Mon) .. 2027-01-03 (Sun) is 2026-W53,
        // and 2027-W01 starts on Monday 2027-01-04. Weekly buckets use the week-year; yearly ones the calendar year.
        PlanTable.Check(
            Rules("weekly=8w yearly=2y"),
            now: "2027-01-04T00:00Z",
            ("2026-12-20T12:00Z", "weekly, oldest-yearly"), // 2026-W51; the oldest, its year held by 31 Dec
            ("2026-12-28T00:00Z", "expire"),                // 2026-W53, first minute
            ("2026-12-31T12:00Z", "yearly"),                // 2026-W53; newest of calendar year 2026
            ("2027-01-01T00:00Z", "expire"),                // still 2026-W53
            ("2027-01-03T23:59Z", "weekly"),                // 2026-W53, last minute: newest of the week
            ("2027-01-04T00:00Z", "weekly, yearly"));       // 2027-W01, the anchor
    }

    [Fact]
    public void ISO_week_1_of_2025_starts_on_30_December_2024()
    {
        // 2025-W01 is 2024-12-30 (Mon) .. 2025-01-05 (Sun); 2024-12-29 is the last day of 2024-W52.
        PlanTable.Check(
            Rules("weekly=8w yearly=2y"),
            now: "2025-01-06T00:00Z",
            ("2024-12-29T23:59Z", "weekly, oldest-yearly"), // 2024-W52; the oldest, its year held by 30 Dec
            ("2024-12-30T00:00Z", "yearly"),                // 2025-W01 but calendar year 2024: newest of 2024
            ("2025-01-01T12:00Z", "expire"),                // 2025-W01
            ("2025-01-05T12:00Z", "weekly, yearly"));       // 2025-W01, the anchor
    }

    [Fact]
    public void Weekly_buckets_in_a_zone_start_on_local_Monday_midnight()
    {
        // Monday 2026-11-02 00:00 in New York is 05:00Z: 04:59Z is still the local Sunday of the week before.
        PlanTable.Check(
            Rules("weekly=8w", "America/New_York"),
            now: "2026-11-02T06:00Z",
            ("2026-11-02T06:00Z", "weekly"),
            ("2026-11-02T05:00Z", "expire"),
            ("2026-11-02T04:59Z", "weekly"));
    }
}
