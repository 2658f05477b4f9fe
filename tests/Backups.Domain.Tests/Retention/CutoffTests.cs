using Backups.Domain.Retention;
using static Backups.Domain.Tests.Support.Snaps;

namespace Backups.Domain.Tests.Retention;

/// <summary>A tier keeps only snapshots strictly after <c>anchor - window</c>.</summary>
public class CutoffTests
{
    public static TheoryData<string, string, string, string, string> Cases => new()
    {
        // tiers, zone, anchor, snapshot, outcome of the snapshot
        { "daily=14d", "UTC", "2026-11-02T00:00:00Z", "2026-10-18T23:59:59.999999999Z", "expire" },
        { "daily=14d", "UTC", "2026-11-02T00:00:00Z", "2026-10-19T00:00:00Z", "expire" },
        { "daily=14d", "UTC", "2026-11-02T00:00:00Z", "2026-10-19T00:00:00.000000001Z", "daily" },
        // 31 March - 1m = 28 February (month ends clamp).
        { "monthly=1m", "UTC", "2026-03-31T12:00:00Z", "2026-02-28T12:00:00Z", "expire" },
        { "monthly=1m", "UTC", "2026-03-31T12:00:00Z", "2026-02-28T12:00:01Z", "monthly" },
        // One local day before 12:00 EST on 1 November is 12:00 EDT on 31 October: 25 elapsed hours.
        { "daily=1d", "America/New_York", "2026-11-01T17:00:00Z", "2026-10-31T16:00:00Z", "expire" },
        { "daily=1d", "America/New_York", "2026-11-01T17:00:00Z", "2026-10-31T16:00:01Z", "daily" },
        // Hours are elapsed time, whatever the zone does meanwhile.
        { "hourly=36h", "America/New_York", "2026-11-02T12:00:00Z", "2026-11-01T00:00:00Z", "expire" },
        { "hourly=36h", "America/New_York", "2026-11-02T12:00:00Z", "2026-11-01T00:00:01Z", "hourly" },
        // The spring-forward gap: 1d before 02:30 EDT on 9 March resolves to 03:30 EDT on 8 March (07:30Z).
        { "daily=1d", "America/New_York", "2026-03-09T06:30:00Z", "2026-03-08T07:30:00Z", "expire" },
        { "daily=1d", "America/New_York", "2026-03-09T06:30:00Z", "2026-03-08T07:30:01Z", "daily" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_snapshot_exactly_on_the_cutoff_is_outside_the_window(string tiers, string zone, string anchor, string snapshot, string outcome)
    {
        var snapshots = new[] { S("anchor", anchor), S("s", snapshot) };

        var plan = RetentionPlanner.Plan(snapshots, Rules(tiers, zone), At(anchor));

        plan.Outcome("s").ShouldBe(outcome);
        plan.Outcome("anchor").ShouldNotBe("expire");
    }
}
