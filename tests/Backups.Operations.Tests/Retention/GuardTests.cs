using Backups.Operations.Retention;
using Backups.Operations.Tests.Support;
using NodaTime;

namespace Backups.Operations.Tests.Retention;

/// <summary>
/// The guards of apply: max-expire-per-run and max-expire-fraction refuse unless forced; the stale-backups guard
/// refuses forced or not. A refused plan changes nothing, not even the audit log.
/// </summary>
public sealed class GuardTests : IDisposable
{
    private static readonly Instant LastSnapshot = History.Start + Duration.FromHours(95);
    private readonly RetentionStore _s = new(LastSnapshot + Duration.FromMinutes(30));

    public void Dispose() => _s.Dispose();

    private async Task FourDaysAsync() => await SnapshotFactory.WriteSeriesAsync(_s.Store, History.Start, Duration.FromHours(1), 96);

    [Fact]
    public async Task A_plan_over_max_expire_per_run_is_refused_and_changes_nothing()
    {
        await FourDaysAsync();
        var before = await StoreListing.AllAsync(_s.Store);
        var policy = _s.Policy(maxExpirePerRun: 5);

        var plan = await _s.PlanAsync(policy);
        var result = await _s.Executor.ApplyAsync(plan, _s.Store, _s.Audit, force: false, CancellationToken.None);

        plan.Guard.Refused.ShouldBeTrue();
        result.Refused.ShouldBeTrue();
        result.RefusalReasons.ShouldHaveSingleItem().ShouldContain("more than max-expire-per-run allows (5)");
        result.RefusalReasons[0].ShouldEndWith("(--force overrides this guard)");
        result.Changed.ShouldBeFalse();
        (await StoreListing.AllAsync(_s.Store)).ShouldBe(before);
    }

    [Fact]
    public async Task Force_overrides_max_expire_per_run()
    {
        await FourDaysAsync();
        var policy = _s.Policy(maxExpirePerRun: 5);

        var result = await _s.PruneAsync(policy, force: true);

        result.Refused.ShouldBeFalse();
        result.Expired.Count.ShouldBeGreaterThan(5);
        (await StoreListing.SnapshotIdsAsync(_s.Store)).Count.ShouldBe(96 - result.Expired.Count);
    }

    [Fact]
    public async Task A_plan_that_expires_more_than_half_of_the_snapshots_is_refused_unless_forced()
    {
        // Twenty snapshots within one hour: the hourly tier keeps the newest, the oldest rule the first.
        var manifests = await SnapshotFactory.WriteSeriesAsync(_s.Store, LastSnapshot, Duration.FromMinutes(3), 20);
        _s.Clock.Reset(LastSnapshot + Duration.FromHours(1));
        var policy = _s.Policy();
        var before = await StoreListing.AllAsync(_s.Store);

        var refused = await _s.PruneAsync(policy);
        refused.Refused.ShouldBeTrue();
        refused.RefusalReasons.ShouldHaveSingleItem().ShouldContain("the plan expires 18 of 20 complete snapshots (90.0%)");
        (await StoreListing.AllAsync(_s.Store)).ShouldBe(before);

        var forced = await _s.PruneAsync(policy, force: true);
        forced.Expired.Count.ShouldBe(18);
        (await StoreListing.SnapshotIdsAsync(_s.Store)).ShouldBe(History.Kept(manifests, policy.Retention, _s.Clock.GetCurrentInstant()));
    }

    [Fact]
    public async Task Backups_stopped_for_thirty_days_expire_nothing_even_when_forced()
    {
        await FourDaysAsync();
        _s.Clock.Reset(LastSnapshot + Duration.FromDays(30));
        var before = await StoreListing.AllAsync(_s.Store);

        var plan = await _s.PlanAsync(_s.Policy());
        var result = await _s.Executor.ApplyAsync(plan, _s.Store, _s.Audit, force: true, CancellationToken.None);

        plan.Expiries.ShouldNotBeEmpty(); // the tiers alone would expire the first day's hours
        plan.Stale.Stale.ShouldBeTrue();
        plan.Stale.Newest.ShouldBe(LastSnapshot);
        plan.Stale.Age.ShouldBe(Duration.FromDays(30));
        plan.Stale.ExpectedInterval.ShouldBe(Duration.FromHours(1));
        plan.Stale.AllowedAge.ShouldBe(Duration.FromHours(3));
        plan.Stale.Reason.ShouldNotBeNull().ShouldStartWith("backups have stopped: newest snapshot is 30d old, expected every 1h");
        result.Refused.ShouldBeTrue();
        result.RefusalReasons.ShouldBe([plan.Stale.Reason]);
        (await StoreListing.AllAsync(_s.Store)).ShouldBe(before);
    }

    [Fact]
    public async Task The_stale_guard_lifts_as_soon_as_a_new_snapshot_arrives()
    {
        await FourDaysAsync();
        var later = LastSnapshot + Duration.FromDays(30);
        await SnapshotFactory.WriteAsync(_s.Store, later);
        _s.Clock.Reset(later + Duration.FromMinutes(10));

        var plan = await _s.PlanAsync(_s.Policy());

        plan.Stale.Stale.ShouldBeFalse();
        plan.Stale.Newest.ShouldBe(later);
    }

    [Fact]
    public async Task The_stale_limit_is_the_schedules_interval_times_the_factor()
    {
        await FourDaysAsync();
        var policy = _s.Policy();

        _s.Clock.Reset(LastSnapshot + Duration.FromHours(3));
        (await _s.PlanAsync(policy)).Stale.Stale.ShouldBeFalse();
        _s.Clock.Reset(LastSnapshot + Duration.FromHours(3) + Duration.FromSeconds(1));
        (await _s.PlanAsync(policy)).Stale.Stale.ShouldBeTrue();
    }

    [Fact]
    public async Task The_stale_factor_is_an_option_of_the_executor_not_of_the_policy()
    {
        await FourDaysAsync();
        var policy = _s.Policy();
        var now = LastSnapshot + Duration.FromHours(10);

        var strict = new RetentionExecutor(_s.Clock);
        var lenient = new RetentionExecutor(_s.Clock, new RetentionOptions { StaleFactor = 12 });

        (await strict.PlanAsync(_s.Store, policy, now, CancellationToken.None)).Stale.Stale.ShouldBeTrue();
        var plan = await lenient.PlanAsync(_s.Store, policy, now, CancellationToken.None);
        plan.Stale.Stale.ShouldBeFalse();
        plan.Stale.AllowedAge.ShouldBe(Duration.FromHours(12));
        Should.Throw<ArgumentOutOfRangeException>(() => new RetentionExecutor(_s.Clock, new RetentionOptions { StaleFactor = 0 }));
    }

    [Fact]
    public async Task A_daily_schedule_is_held_to_days_not_hours()
    {
        await SnapshotFactory.WriteSeriesAsync(_s.Store, History.Start + Duration.FromHours(2), Duration.FromDays(1), 5);
        var newest = History.Start + Duration.FromHours(2) + Duration.FromDays(4);
        var policy = _s.Policy(schedule: "0 0 2 * * ?");

        var fresh = await _s.Executor.PlanAsync(_s.Store, policy, newest + Duration.FromDays(2), CancellationToken.None);
        var stale = await _s.Executor.PlanAsync(_s.Store, policy, newest + Duration.FromDays(4), CancellationToken.None);

        fresh.Stale.Stale.ShouldBeFalse();
        fresh.Stale.ExpectedInterval.ShouldBe(Duration.FromDays(1));
        stale.Stale.Stale.ShouldBeTrue();
        stale.Stale.Reason.ShouldNotBeNull().ShouldStartWith("backups have stopped: newest snapshot is 4d old, expected every 1d");
    }

    [Fact]
    public async Task Force_lifts_the_expiry_guards_but_never_the_stale_guard()
    {
        await FourDaysAsync();
        _s.Clock.Reset(LastSnapshot + Duration.FromDays(30));
        var plan = await _s.PlanAsync(_s.Policy(maxExpirePerRun: 5));

        plan.RefusalReasons(force: false).Count.ShouldBe(2);
        plan.RefusalReasons(force: true).ShouldBe([plan.Stale.Reason!]);
        plan.IsRefused(force: true).ShouldBeTrue();
    }

    [Fact]
    public async Task An_empty_store_is_neither_stale_nor_refused()
    {
        var plan = await _s.PlanAsync(_s.Policy());
        var result = await _s.Executor.ApplyAsync(plan, _s.Store, _s.Audit, force: false, CancellationToken.None);

        plan.Stale.Stale.ShouldBeFalse();
        plan.Stale.Newest.ShouldBeNull();
        result.Refused.ShouldBeFalse();
        result.Changed.ShouldBeFalse();
    }
}
