using Backups.Operations.Control;
using Backups.Operations.Tests.Support;
using Backups.Snapshots;
using NodaTime;

namespace Backups.Operations.Tests.Retention;

/// <summary>
/// A month of hourly snapshots under the post-mortem tiers, pruned after every snapshot as the service does, ends with
/// exactly the snapshots the planner keeps when it sees the whole month at once; and when backups then stop for thirty
/// days, pruning changes nothing.
/// </summary>
public sealed class MonthSimulationTests : IDisposable
{
    private const int Hours = 30 * 24;
    private readonly RetentionStore _s = new(History.Start);

    public void Dispose() => _s.Dispose();

    [Fact]
    public async Task Hourly_snapshots_pruned_after_each_for_a_month_leave_exactly_what_the_planner_predicts()
    {
        var policy = _s.Policy();
        var random = new Random(42);
        var all = new List<Manifest>();
        var expired = new List<string>();
        for (var hour = 0; hour < Hours; hour++)
        {
            var at = History.Start + Duration.FromHours(hour);
            all.Add(hour == 0
                ? await SnapshotFactory.WriteAsync(_s.Store, at, random: random)
                : await SnapshotFactory.CopyAsync(_s.Store, all[0], at, random));
            _s.Clock.Reset(at + Duration.FromMinutes(5));

            var result = await _s.PruneAsync(policy);

            result.Refused.ShouldBeFalse($"hour {hour}: {string.Join("; ", result.RefusalReasons)}");
            result.Resumed.ShouldBeEmpty();
            result.Expired.ShouldNotContain(all[^1].Id);
            expired.AddRange(result.Expired);
        }

        var final = _s.Clock.GetCurrentInstant();
        var kept = History.Kept(all, policy.Retention, final);
        (await StoreListing.SnapshotIdsAsync(_s.Store)).ShouldBe(kept);
        expired.Order(StringComparer.Ordinal).ShouldBe(History.Expired(all, policy.Retention, final));
        (await StoreListing.AllAsync(_s.Store, "snapshots/")).Count.ShouldBe(kept.Count * 3); // no leftovers
        var log = await AuditLog.AllAsync(_s.Store);
        log.Count.ShouldBe(expired.Count * 2);
        log.Where(e => e.Phase == AuditActions.Done).Select(e => e.SnapshotId).ShouldBe(expired);
        // Every hour of the last three days is kept; older days keep one snapshot each at most.
        all.TakeLast(72).Select(m => m.Id).ShouldBeSubsetOf(kept);
        kept.Count.ShouldBeLessThanOrEqualTo(72 + 27 + 1);

        // Backups stop for thirty days: the stale guard refuses, forced or not, and nothing changes.
        var before = await StoreListing.AllAsync(_s.Store);
        _s.Clock.Reset(final + Duration.FromDays(30));
        var stopped = await _s.PruneAsync(policy, force: true);
        stopped.Refused.ShouldBeTrue();
        stopped.RefusalReasons.ShouldHaveSingleItem().ShouldStartWith("backups have stopped: newest snapshot is 30d old, expected every 1h");
        (await StoreListing.AllAsync(_s.Store)).ShouldBe(before);
    }
}
