using Backups.Catalog;
using Backups.Operations.Retention;
using Backups.Operations.Tests.Support;
using Backups.Snapshots;
using Backups.Storage;
using Backups.Storage.Wrappers;
using NodaTime;

namespace Backups.Operations.Tests.Retention;

/// <summary>Several policies share a store, and the service may apply their retention at the same time.</summary>
public sealed class ConcurrentApplyTests : IDisposable
{
    private static readonly Instant Now = History.Start + Duration.FromHours(95) + Duration.FromMinutes(30);
    private readonly RetentionStore _s = new(Now);

    public void Dispose() => _s.Dispose();

    [Fact]
    public async Task Concurrent_applies_to_one_store_take_turns_so_none_finishes_an_expiry_the_other_is_running()
    {
        await SnapshotFactory.WriteSeriesAsync(_s.Store, History.Start, Duration.FromHours(1), 96);
        var plan = await _s.PlanAsync(_s.Policy());
        var first = plan.Expiries.First().SnapshotId;
        var gated = new GatedObjectStore(_s.Store, SnapshotKeys.Manifest(first));

        var slow = _s.Executor.ApplyAsync(plan, gated, new StoreAuditLog(gated), force: false, CancellationToken.None);
        await gated.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        var concurrent = _s.Executor.ApplyAsync(plan, _s.Store, _s.Audit, force: false, CancellationToken.None);
        await Task.Delay(100);
        concurrent.IsCompleted.ShouldBeFalse();
        gated.Release();
        var finished = await slow;
        var second = await concurrent;

        finished.Expired.ShouldBe(plan.Expiries.Select(a => a.SnapshotId));
        second.Resumed.ShouldBeEmpty();
        second.Expired.ShouldBeEmpty();
        second.AlreadyGone.ShouldBe(finished.Expired);
        (await AuditLog.LinesAsync(_s.Store)).ShouldBe(plan.Expiries.SelectMany(a => new[] { $"intent expire {a.SnapshotId}", $"done expire {a.SnapshotId}" }));
    }

    [Fact]
    public async Task An_unfinished_expiry_of_another_policy_is_left_to_that_policy()
    {
        await SnapshotFactory.WriteSeriesAsync(_s.Store, History.Start, Duration.FromHours(1), 96, policy: "caseflow");
        await SnapshotFactory.WriteSeriesAsync(_s.Store, Now - Duration.FromHours(3), Duration.FromHours(1), 3, policy: "vacols");
        var caseflow = _s.Policy("caseflow");
        var faulty = new FaultInjectingObjectStore(_s.Store).FailCall(StoreOperation.Delete, 2).FailCall(StoreOperation.Put, 2);
        var plan = await _s.PlanAsync(caseflow);
        await Should.ThrowAsync<StoreUnavailableException>(
            () => new RetentionExecutor(_s.Clock).ApplyAsync(plan, faulty, new StoreAuditLog(faulty), force: false, CancellationToken.None));
        var unfinished = plan.Expiries.First().SnapshotId;

        var vacols = await _s.PruneAsync(_s.Policy("vacols"));
        var own = await _s.PruneAsync(caseflow);

        vacols.Resumed.ShouldBeEmpty();
        own.Resumed.ShouldBe([unfinished]);
        (await StoreListing.AllAsync(_s.Store, SnapshotKeys.SnapshotPrefix(unfinished))).ShouldBeEmpty();
    }
}
