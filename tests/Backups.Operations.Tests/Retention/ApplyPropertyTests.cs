using Backups.Domain.Retention;
using Backups.Operations.Retention;
using Backups.Operations.Control;
using Backups.Operations.Tests.Support;
using Backups.Snapshots;
using CsCheck;
using Duration = NodaTime.Duration;
using Instant = NodaTime.Instant;

namespace Backups.Operations.Tests.Retention;

/// <summary>Invariants of apply over generated histories, pins and tiers (real snapshots in a directory store).</summary>
public sealed class ApplyPropertyTests
{
    private const int Iterations = 25;

    /// <summary>Gaps between snapshots in minutes, which pinned, and tiers in hours/days.</summary>
    private static readonly Gen<(int[] Gaps, bool[] Pins, int HourlyHours, int DailyDays)> Case =
        Gen.Int[1, 600].Array[1, 40].SelectMany(
            gaps => Gen.Bool.Array[gaps.Length].Select(pins => pins.Select((p, i) => p && i % 7 == 3).ToArray()),
            (gaps, pins) => (gaps, pins))
        .Select(Gen.Int[1, 24], Gen.Int[1, 5], (gp, h, d) => (gp.gaps, gp.pins, h, d));

    [Fact]
    public async Task Apply_leaves_what_the_planner_keeps_and_applying_again_changes_nothing()
    {
        await Case.SampleAsync(async c =>
        {
            var start = History.Start;
            var times = new List<Instant>();
            var t = start;
            foreach (var gap in c.Gaps)
            {
                t += Duration.FromMinutes(gap);
                times.Add(t);
            }
            var now = t + Duration.FromMinutes(1);
            using var s = new RetentionStore(now);
            var random = new Random(c.Gaps.Length);
            var manifests = new List<Manifest>();
            foreach (var time in times)
            {
                manifests.Add(manifests.Count == 0
                    ? await SnapshotFactory.WriteAsync(s.Store, time, random: random)
                    : await SnapshotFactory.CopyAsync(s.Store, manifests[0], time, random));
            }
            var pins = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < manifests.Count; i++)
            {
                if (c.Pins[i])
                {
                    await new PinStore(s.Store, s.Clock).PinAsync(manifests[i].Id, "kept for a test", "property", CancellationToken.None);
                    pins[manifests[i].Id] = "kept for a test";
                }
            }
            var rules = Policies.Tiers((Period.Hourly, $"{c.HourlyHours}h"), (Period.Daily, $"{c.DailyDays}d"));
            // Every minute, and a stale factor large enough for any generated gap: this property is about apply, not staleness.
            var policy = Policies.Make(storeUrl: s.Store.Url, schedule: "0 * * * * ?", rules: rules, maxExpireFraction: 1.0);
            var executor = new RetentionExecutor(s.Clock, new RetentionOptions { StaleFactor = 100_000 });

            var plan = await executor.PlanAsync(s.Store, policy, now, CancellationToken.None);
            await executor.ApplyAsync(plan, s.Store, s.Audit, force: false, CancellationToken.None);
            var afterFirst = await StoreListing.AllAsync(s.Store);
            var second = await executor.ApplyAsync(plan, s.Store, s.Audit, force: false, CancellationToken.None);

            var kept = History.Kept(manifests, rules, now, pins);
            (await StoreListing.SnapshotIdsAsync(s.Store)).ShouldBe(kept);
            kept.ShouldContain(manifests[^1].Id);
            pins.Keys.ShouldBeSubsetOf(kept);
            second.Changed.ShouldBeFalse();
            (await StoreListing.AllAsync(s.Store)).ShouldBe(afterFirst);
        }, iter: Iterations, threads: 1);
    }
}
