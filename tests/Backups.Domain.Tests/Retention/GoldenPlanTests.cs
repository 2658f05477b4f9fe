using Backups.Domain.Retention;
using Backups.Domain.Tests.Support;
using NodaTime;
using static Backups.Domain.Tests.Support.Snaps;

namespace Backups.Domain.Tests.Retention;

/// <summary>
/// Realistic histories planned and compared, as text, with <c>Golden/*.txt</c>.
/// Set <c>BACKUPS_UPDATE_GOLDEN=1</c> to rewrite the files after an intended change, then review the diff.
/// </summary>
public class GoldenPlanTests
{
    public static TheoryData<string> Cases => [.. Histories.Keys];

    private static readonly Dictionary<string, Func<(SnapshotRef[] Snapshots, RetentionRules Rules, Instant Now)>> Histories = new()
    {
        ["hourly-200-days-default-tiers"] = HourlyFor200Days,
        ["new-york-every-4h-across-fall-back"] = NewYorkEvery4Hours,
        ["stopped-weeks-ago-young-history"] = StoppedWeeksAgo,
        ["london-weekly-for-3-years"] = LondonWeekly,
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_realistic_history_plans_as_its_golden_file_says(string name)
    {
        var (snapshots, rules, now) = Histories[name]();

        var plan = RetentionPlanner.Plan(snapshots, rules, now);

        GoldenFiles.Verify(name, PlanText.Render(plan, rules, now));
    }

    /// <summary>The production pattern: hourly at about :05 for 200 days, a failed run now and then, one pin.</summary>
    private static (SnapshotRef[], RetentionRules, Instant) HourlyFor200Days()
    {
        var random = new Random(7);
        var last = At("2026-11-01T23:05Z");
        var snapshots = Enumerable.Range(0, 200 * 24).Select(i =>
        {
            var time = last - Duration.FromHours((200 * 24) - 1 - i) + Duration.FromSeconds(random.Next(-90, 91));
            var state = i % 97 == 50 ? SnapshotState.Incomplete : SnapshotState.Complete;
            var pin = i == 2_400 ? "last good before the BRIEFF.BFSO deploy" : null;
            return new SnapshotRef($"vacols-{i:D4}", time, state, pin);
        }).ToArray();
        return (snapshots, RetentionRules.Default, At("2026-11-02T00:00Z"));
    }

    /// <summary>Every 4 hours in New York across the 2026 fall back, with one snapshot from a clock running ahead.</summary>
    private static (SnapshotRef[], RetentionRules, Instant) NewYorkEvery4Hours()
    {
        var first = At("2026-10-01T02:00Z");
        var snapshots = Enumerable.Range(0, 250)
            .Select(i => new SnapshotRef($"ny-{i:D3}", first + Duration.FromHours(4 * i)))
            .Append(new SnapshotRef("ny-skewed", At("2026-11-12T14:00Z")))
            .ToArray();
        var rules = new RetentionRules(
            ParseTiers("hourly=2d daily=10d weekly=5w monthly=6m"), Zone("America/New_York"), ExpiryGuards.Default);
        return (snapshots, rules, At("2026-11-12T12:00Z"));
    }

    /// <summary>Daily backups for 20 days that stopped seven weeks before now: the plan is as on the last day.</summary>
    private static (SnapshotRef[], RetentionRules, Instant) StoppedWeeksAgo()
    {
        var first = At("2026-08-27T01:30Z");
        var snapshots = Enumerable.Range(0, 20)
            .Select(i => new SnapshotRef($"d{i:D2}", first + Duration.FromDays(i)))
            .ToArray();
        return (snapshots, Rules("daily=7d weekly=4w", guards: new ExpiryGuards(8)), At("2026-11-02T00:00Z"));
    }

    /// <summary>Sunday 23:30 London time for three years (GMT and BST), monthly and yearly tiers.</summary>
    private static (SnapshotRef[], RetentionRules, Instant) LondonWeekly()
    {
        var london = Zone("Europe/London");
        var firstSunday = new LocalDate(2023, 11, 5);
        var snapshots = Enumerable.Range(0, 157)
            .Select(i => firstSunday.PlusWeeks(i).At(new LocalTime(23, 30)).InZoneLeniently(london).ToInstant())
            .Select((t, i) => new SnapshotRef($"w{i:D3}", t))
            .ToArray();
        var rules = new RetentionRules(ParseTiers("weekly=8w monthly=12m yearly=5y"), london, ExpiryGuards.Default);
        return (snapshots, rules, snapshots[^1].Time + Duration.FromHours(1));
    }
}
