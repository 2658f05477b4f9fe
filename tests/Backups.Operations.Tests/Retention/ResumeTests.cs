using Backups.Catalog;
using Backups.Operations.Control;
using Backups.Operations.Retention;
using Backups.Operations.Tests.Support;
using Backups.Snapshots;
using Backups.Storage;
using Backups.Storage.Wrappers;
using NodaTime;

namespace Backups.Operations.Tests.Retention;

/// <summary>
/// A run that stops between an expiry's intent and its done (a crash: no outcome recorded; or a recorded failure) is
/// finished by the next apply: each expired snapshot ends with exactly one done, and nothing is deleted that the
/// plans did not expire. Each expiry deletes three objects (manifest, checksum, part) and writes two audit entries.
/// </summary>
public sealed class ResumeTests : IDisposable
{
    private static readonly Instant Now = History.Start + Duration.FromHours(95) + Duration.FromMinutes(30);
    private readonly RetentionStore _s = new(Now);
    private List<Manifest> _manifests = [];

    public void Dispose() => _s.Dispose();

    /// <summary>The expiries of the plan in the order apply runs them.</summary>
    private async Task<List<string>> SetUpAsync()
    {
        _manifests = await SnapshotFactory.WriteSeriesAsync(_s.Store, History.Start, Duration.FromHours(1), 96);
        return [.. (await _s.PlanAsync(_s.Policy())).Expiries.Select(a => a.SnapshotId)];
    }

    /// <summary>Applies a fresh plan through a store that fails as configured; returns the error.</summary>
    private async Task<Exception> FailingRunAsync(Action<FaultInjectingObjectStore> faults, SnapshotCatalog? catalog = null)
    {
        var faulty = new FaultInjectingObjectStore(_s.Store);
        faults(faulty);
        var plan = await _s.PlanAsync(_s.Policy());
        return await Should.ThrowAsync<StoreUnavailableException>(
            () => new RetentionExecutor(_s.Clock).ApplyAsync(plan, faulty, new StoreAuditLog(faulty), force: false, catalog, CancellationToken.None));
    }

    /// <summary>A new process: a new executor, a new plan, a healthy store.</summary>
    private async Task<RetentionApplyResult> NextRunAsync(SnapshotCatalog? catalog = null)
    {
        var executor = new RetentionExecutor(_s.Clock);
        var plan = await executor.PlanAsync(_s.Store, _s.Policy(), _s.Clock.GetCurrentInstant(), CancellationToken.None);
        return await executor.ApplyAsync(plan, _s.Store, _s.Audit, force: false, catalog, CancellationToken.None);
    }

    private static List<string> IntentDone(IEnumerable<string> ids) =>
        [.. ids.SelectMany(id => new[] { $"intent expire {id}", $"done expire {id}" })];

    private async Task ShouldHoldExactlyWhatThePlannerKeepsAsync()
    {
        (await StoreListing.SnapshotIdsAsync(_s.Store)).ShouldBe(History.Kept(_manifests, _s.Policy().Retention, Now));
        var kept = (await StoreListing.SnapshotIdsAsync(_s.Store)).Select(SnapshotKeys.SnapshotPrefix).ToList();
        (await StoreListing.AllAsync(_s.Store, "snapshots/")).ShouldAllBe(line => kept.Any(p => line.StartsWith(p, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_crash_between_the_intent_and_the_manifest_delete_is_finished_by_the_next_apply()
    {
        var expiries = await SetUpAsync();
        // The second expiry: its manifest delete (call 4) fails, and so does recording the failure (put 4): a crash.
        await FailingRunAsync(f => f.FailCall(StoreOperation.Delete, 4).FailCall(StoreOperation.Put, 4));
        (await AuditLog.LinesAsync(_s.Store)).ShouldBe([.. IntentDone(expiries.Take(1)), $"intent expire {expiries[1]}"]);
        (await StoreListing.SnapshotIdsAsync(_s.Store)).ShouldContain(expiries[1]);

        var result = await NextRunAsync();

        result.Resumed.ShouldBe([expiries[1]]);
        result.AlreadyGone.ShouldBe([expiries[1]]);
        result.Expired.ShouldBe(expiries.Skip(2));
        (await AuditLog.LinesAsync(_s.Store)).ShouldBe(IntentDone(expiries));
        await ShouldHoldExactlyWhatThePlannerKeepsAsync();
    }

    [Fact]
    public async Task A_crash_after_the_manifest_delete_leaves_an_invisible_snapshot_that_the_next_apply_finishes()
    {
        var expiries = await SetUpAsync();
        // The third expiry: the manifest goes (call 7), the checksum delete (call 8) fails, recording it (put 6) too.
        await FailingRunAsync(f => f.FailCall(StoreOperation.Delete, 8).FailCall(StoreOperation.Put, 6));
        (await StoreListing.SnapshotIdsAsync(_s.Store)).ShouldNotContain(expiries[2]);
        (await StoreListing.AllAsync(_s.Store, SnapshotKeys.SnapshotPrefix(expiries[2]))).Count.ShouldBe(2);

        var result = await NextRunAsync();

        result.Resumed.ShouldBe([expiries[2]]);
        result.Expired.ShouldBe(expiries.Skip(3));
        (await AuditLog.LinesAsync(_s.Store)).ShouldBe(IntentDone(expiries));
        (await StoreListing.AllAsync(_s.Store, SnapshotKeys.SnapshotPrefix(expiries[2]))).ShouldBeEmpty();
        await ShouldHoldExactlyWhatThePlannerKeepsAsync();
    }

    [Fact]
    public async Task A_recorded_failure_after_the_manifest_delete_is_finished_by_the_next_apply()
    {
        var expiries = await SetUpAsync();
        var error = await FailingRunAsync(f => f.FailCall(StoreOperation.Delete, 3));

        var afterFailure = await AuditLog.AllAsync(_s.Store);
        afterFailure.Select(e => $"{e.Phase} {e.SnapshotId}").ShouldBe([$"intent {expiries[0]}", $"failed {expiries[0]}"]);
        afterFailure[1].Detail.ShouldBe(error.Message);
        afterFailure[1].Objects.Count.ShouldBe(3);

        var result = await NextRunAsync();

        result.Resumed.ShouldBe([expiries[0]]);
        var lines = await AuditLog.LinesAsync(_s.Store);
        lines.ShouldBe([$"intent expire {expiries[0]}", $"failed expire {expiries[0]}", $"done expire {expiries[0]}", .. IntentDone(expiries.Skip(1))]);
        (await AuditLog.AllAsync(_s.Store))[2].Detail.ShouldNotBeNull().ShouldStartWith("resumed: finished the expiry begun at");
        await ShouldHoldExactlyWhatThePlannerKeepsAsync();
    }

    [Fact]
    public async Task A_recorded_failure_of_the_manifest_delete_leaves_a_complete_snapshot_that_the_next_plan_expires_again()
    {
        var expiries = await SetUpAsync();
        await FailingRunAsync(f => f.FailCall(StoreOperation.Delete, 1));

        var result = await NextRunAsync();

        result.Resumed.ShouldBeEmpty();
        result.Expired.ShouldBe(expiries);
        (await AuditLog.LinesAsync(_s.Store)).ShouldBe([$"intent expire {expiries[0]}", $"failed expire {expiries[0]}", .. IntentDone(expiries)]);
        await ShouldHoldExactlyWhatThePlannerKeepsAsync();
    }

    [Fact]
    public async Task A_snapshot_pinned_after_a_crash_is_not_expired_by_the_resume()
    {
        var expiries = await SetUpAsync();
        await FailingRunAsync(f => f.FailCall(StoreOperation.Delete, 4).FailCall(StoreOperation.Put, 4));
        await new PinStore(_s.Store, _s.Clock).PinAsync(expiries[1], "needed for the incident", "ops", CancellationToken.None);

        var result = await NextRunAsync();

        result.Abandoned.ShouldBe([expiries[1]]);
        result.Resumed.ShouldBeEmpty();
        (await StoreListing.SnapshotIdsAsync(_s.Store)).ShouldContain(expiries[1]);
        var log = (await AuditLog.AllAsync(_s.Store)).Where(e => e.SnapshotId == expiries[1] && e.Action == AuditActions.Expire).ToList();
        log.Select(e => e.Phase).ShouldBe([AuditActions.Intent, AuditActions.Failed]);
        log[1].Detail.ShouldNotBeNull().ShouldStartWith("not resumed: pinned after the expiry");
    }

    [Fact]
    public async Task The_resume_also_removes_the_finished_snapshot_from_the_catalog()
    {
        var expiries = await SetUpAsync();
        using var catalog = SnapshotCatalog.Open(Path.Combine(_s.Directory, "catalog.db"));
        await CatalogRebuilder.RebuildAsync(_s.Store, catalog, CancellationToken.None);
        await FailingRunAsync(f => f.FailCall(StoreOperation.Delete, 5).FailCall(StoreOperation.Put, 4), catalog);
        catalog.FindById(expiries[0]).ShouldBeEmpty();
        catalog.FindById(expiries[1]).ShouldNotBeEmpty();

        await NextRunAsync(catalog);

        catalog.FindById(expiries[1]).ShouldBeEmpty();
        catalog.List(_s.Store.Url).Select(e => e.Id).Order(StringComparer.Ordinal).ShouldBe(await StoreListing.SnapshotIdsAsync(_s.Store));
    }

    [Fact]
    public async Task The_same_executor_resumes_after_its_own_failed_run()
    {
        var expiries = await SetUpAsync();
        var faulty = new FaultInjectingObjectStore(_s.Store).FailCall(StoreOperation.Delete, 2).FailCall(StoreOperation.Put, 2);
        var plan = await _s.PlanAsync(_s.Policy());
        await Should.ThrowAsync<StoreUnavailableException>(
            () => _s.Executor.ApplyAsync(plan, faulty, new StoreAuditLog(faulty), force: false, CancellationToken.None));

        var result = await _s.PruneAsync(_s.Policy());

        result.Resumed.ShouldBe([expiries[0]]);
        (await AuditLog.LinesAsync(_s.Store)).ShouldBe(IntentDone(expiries));
    }

    [Fact]
    public async Task An_unfinished_expiry_older_than_the_lookback_is_not_resumed()
    {
        var expiries = await SetUpAsync();
        await FailingRunAsync(f => f.FailCall(StoreOperation.Delete, 2).FailCall(StoreOperation.Put, 2));
        _s.Clock.Advance(Duration.FromDays(8));

        var executor = new RetentionExecutor(_s.Clock, new RetentionOptions { StaleFactor = 1000 });
        var plan = await executor.PlanAsync(_s.Store, _s.Policy(), Now, CancellationToken.None);
        var result = await executor.ApplyAsync(plan, _s.Store, _s.Audit, force: false, CancellationToken.None);

        result.Resumed.ShouldBeEmpty();
        result.Expired.ShouldNotContain(expiries[0]); // invisible since its manifest went: garbage for gc now
        (await StoreListing.AllAsync(_s.Store, SnapshotKeys.SnapshotPrefix(expiries[0]))).Count.ShouldBe(2);
        plan.Snapshots.Incomplete.ShouldContain(i => i.Id == expiries[0]);
    }
}
