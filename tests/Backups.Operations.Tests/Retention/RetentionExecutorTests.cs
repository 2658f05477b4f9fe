using System.Text.Json;
using Backups.Catalog;
using Backups.Operations.Control;
using Backups.Operations.Retention;
using Backups.Operations.Tests.Support;
using Backups.Snapshots;
using NodaTime;

namespace Backups.Operations.Tests.Retention;

public sealed class RetentionExecutorTests : IDisposable
{
    // Four days of hourly snapshots under the post-mortem tiers: the first day's hours leave the hourly window.
    private static readonly Instant Now = History.Start + Duration.FromHours(95) + Duration.FromMinutes(30);
    private readonly RetentionStore _s = new(Now);

    public void Dispose() => _s.Dispose();

    private Task<List<Manifest>> FourDaysAsync() => SnapshotFactory.WriteSeriesAsync(_s.Store, History.Start, Duration.FromHours(1), 96);

    [Fact]
    public async Task The_plan_expires_exactly_what_the_planner_expires_oldest_first_and_says_why()
    {
        var manifests = await FourDaysAsync();
        var policy = _s.Policy();

        var plan = await _s.PlanAsync(policy);

        var expected = History.Expired(manifests, policy.Retention, Now);
        expected.Count.ShouldBeGreaterThan(10);
        plan.Expiries.Select(a => a.SnapshotId).Order(StringComparer.Ordinal).ShouldBe(expected);
        plan.Expiries.Select(a => a.SnapshotTime).ShouldBeInOrder(SortDirection.Ascending);
        plan.Expiries.ShouldAllBe(a => a.Reason == "newer snapshots hold its daily, weekly and monthly buckets; outside the hourly window");
        plan.Plan.Kept.Count().ShouldBe(96 - expected.Count);
        plan.Guard.Refused.ShouldBeFalse();
        plan.Stale.Stale.ShouldBeFalse();
        plan.Stale.ExpectedInterval.ShouldBe(Duration.FromHours(1));
        plan.IsRefused(force: false).ShouldBeFalse();
    }

    [Fact]
    public async Task A_snapshot_older_than_every_window_is_expired_as_such()
    {
        var old = await SnapshotFactory.WriteAsync(_s.Store, Now - Duration.FromDays(400));
        await SnapshotFactory.WriteSeriesAsync(_s.Store, Now - Duration.FromHours(3), Duration.FromHours(1), 3);

        var plan = await _s.PlanAsync(_s.Policy());

        var action = plan.Expiries.ShouldHaveSingleItem();
        action.SnapshotId.ShouldBe(old.Id);
        action.Reason.ShouldStartWith("older than every tier's window (the widest, monthly=180d,");
    }

    [Fact]
    public async Task Planning_changes_nothing_in_the_store()
    {
        await FourDaysAsync();
        var before = await StoreListing.AllAsync(_s.Store);

        var plan = await _s.PlanAsync(_s.Policy());

        plan.Expiries.ShouldNotBeEmpty();
        (await StoreListing.AllAsync(_s.Store)).ShouldBe(before);
    }

    [Fact]
    public async Task Apply_leaves_exactly_the_snapshots_the_planner_keeps()
    {
        var manifests = await FourDaysAsync();
        var policy = _s.Policy();

        var result = await _s.PruneAsync(policy);

        var kept = History.Kept(manifests, policy.Retention, Now);
        (await StoreListing.SnapshotIdsAsync(_s.Store)).ShouldBe(kept);
        result.Expired.Order(StringComparer.Ordinal).ShouldBe(History.Expired(manifests, policy.Retention, Now));
        result.Refused.ShouldBeFalse();
        result.Resumed.ShouldBeEmpty();
        // Nothing of an expired snapshot is left behind: no incomplete directories.
        (await StoreListing.AllAsync(_s.Store, "snapshots/")).ShouldAllBe(line => kept.Any(id => line.StartsWith(SnapshotKeys.SnapshotPrefix(id), StringComparison.Ordinal)));
        result.ObjectsDeleted.ShouldBe(result.Expired.Count * 3);
        result.BytesDeleted.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Apply_deletes_the_manifest_first_then_every_other_object_between_intent_and_done()
    {
        var manifests = await FourDaysAsync();
        var recording = new RecordingObjectStore(_s.Store);
        var plan = await _s.PlanAsync(_s.Policy());
        var first = plan.Expiries.First().SnapshotId;

        await _s.Executor.ApplyAsync(plan, recording, new StoreAuditLog(recording), force: false, CancellationToken.None);

        var manifest = manifests.Single(m => m.Id == first);
        var ofFirst = recording.Mutations.Take(5).ToList();
        ofFirst[0].ShouldStartWith("put audit/");
        ofFirst[0].ShouldEndWith("-intent.json");
        ofFirst[1].ShouldBe($"delete {SnapshotKeys.Manifest(first)}");
        ofFirst.Skip(2).Take(2).Order(StringComparer.Ordinal).ShouldBe(
            [$"delete {SnapshotKeys.ManifestChecksum(first)}", $"delete {manifest.Tables[0].Parts[0].Key}"]);
        ofFirst[4].ShouldEndWith("-done.json");
    }

    [Fact]
    public async Task Every_expiry_is_audited_before_it_happens_with_the_full_manifest_and_every_object()
    {
        var manifests = await FourDaysAsync();
        var result = await _s.PruneAsync(_s.Policy());

        var log = await AuditLog.AllAsync(_s.Store);
        log.Count.ShouldBe(result.Expired.Count * 2);
        foreach (var id in result.Expired)
        {
            var entries = log.Where(e => e.SnapshotId == id).ToList();
            entries.Select(e => e.Phase).ShouldBe([AuditActions.Intent, AuditActions.Done]);
            entries.ShouldAllBe(e => e.Action == AuditActions.Expire && e.StoreUrl == _s.Store.Url);
            var intent = entries[0];
            var manifest = manifests.Single(m => m.Id == id);
            intent.Before.ShouldNotBeNull();
            ManifestJson.Parse(System.Text.Encoding.UTF8.GetBytes(intent.Before), "audit").Id.ShouldBe(id);
            intent.Before.ShouldBe(System.Text.Encoding.UTF8.GetString(ManifestJson.Serialize(manifest)));
            intent.Objects.Select(o => o.Key).ShouldBe(
                new[] { SnapshotKeys.Manifest(id), SnapshotKeys.ManifestChecksum(id), manifest.Tables[0].Parts[0].Key }.Order(StringComparer.Ordinal));
            intent.Objects.Single(o => o.Key == manifest.Tables[0].Parts[0].Key).Size.ShouldBe(manifest.Tables[0].Parts[0].Size);
            intent.Detail.ShouldNotBeNull().ShouldStartWith("policy vacols: ");
        }
    }

    [Fact]
    public async Task Applying_the_same_plan_twice_changes_nothing_the_second_time()
    {
        await FourDaysAsync();
        var plan = await _s.PlanAsync(_s.Policy());
        var first = await _s.Executor.ApplyAsync(plan, _s.Store, _s.Audit, force: false, CancellationToken.None);
        var after = await StoreListing.AllAsync(_s.Store);

        var second = await _s.Executor.ApplyAsync(plan, _s.Store, _s.Audit, force: false, CancellationToken.None);

        first.Expired.ShouldNotBeEmpty();
        second.Expired.ShouldBeEmpty();
        second.AlreadyGone.ShouldBe(first.Expired);
        second.Changed.ShouldBeFalse();
        (await StoreListing.AllAsync(_s.Store)).ShouldBe(after);
    }

    [Fact]
    public async Task Planning_again_after_apply_expires_nothing_more()
    {
        await FourDaysAsync();
        await _s.PruneAsync(_s.Policy());

        var again = await _s.PlanAsync(_s.Policy());

        again.Actions.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_pinned_snapshot_survives_although_no_tier_keeps_it()
    {
        var manifests = await FourDaysAsync();
        var policy = _s.Policy();
        var victim = History.Expired(manifests, policy.Retention, Now)[3];
        await new PinStore(_s.Store, _s.Clock).PinAsync(victim, "last good before the BFSO deploy", "ops", CancellationToken.None);

        var plan = await _s.PlanAsync(policy);
        await _s.Executor.ApplyAsync(plan, _s.Store, _s.Audit, force: false, CancellationToken.None);

        var decision = plan.Plan.Decisions.Single(d => d.Snapshot.Id == victim);
        decision.Keep.ShouldBeTrue();
        decision.Reasons.ShouldBe(["pinned"]);
        decision.Snapshot.PinReason.ShouldBe("last good before the BFSO deploy");
        (await StoreListing.SnapshotIdsAsync(_s.Store)).ShouldContain(victim);
    }

    [Fact]
    public async Task A_snapshot_pinned_after_planning_is_not_expired()
    {
        await FourDaysAsync();
        var plan = await _s.PlanAsync(_s.Policy());
        var victim = plan.Expiries.Skip(2).First().SnapshotId;
        await new PinStore(_s.Store, _s.Clock).PinAsync(victim, "incident", "ops", CancellationToken.None);

        var result = await _s.Executor.ApplyAsync(plan, _s.Store, _s.Audit, force: false, CancellationToken.None);

        result.SkippedPinned.ShouldBe([victim]);
        result.Expired.ShouldNotContain(victim);
        (await StoreListing.SnapshotIdsAsync(_s.Store)).ShouldContain(victim);
        (await AuditLog.AllAsync(_s.Store)).ShouldNotContain(e => e.Action == AuditActions.Expire && e.SnapshotId == victim);
    }

    [Fact]
    public async Task Expired_snapshots_leave_the_catalog_and_kept_ones_stay()
    {
        var manifests = await FourDaysAsync();
        using var catalog = SnapshotCatalog.Open(Path.Combine(_s.Directory, "catalog.db"));
        await CatalogRebuilder.RebuildAsync(_s.Store, catalog, CancellationToken.None);

        var result = await _s.PruneAsync(_s.Policy(), catalog: catalog);

        catalog.List(_s.Store.Url).Select(e => e.Id).Order(StringComparer.Ordinal).ShouldBe(await StoreListing.SnapshotIdsAsync(_s.Store));
        catalog.List(_s.Store.Url).Count.ShouldBe(manifests.Count - result.Expired.Count);
    }

    [Fact]
    public async Task Snapshots_of_other_policies_in_the_same_store_are_left_alone()
    {
        await FourDaysAsync();
        var other = await SnapshotFactory.WriteSeriesAsync(_s.Store, History.Start, Duration.FromHours(1), 24, policy: "caseflow");

        var plan = await _s.PlanAsync(_s.Policy());
        await _s.Executor.ApplyAsync(plan, _s.Store, _s.Audit, force: false, CancellationToken.None);

        plan.Snapshots.OtherPolicies.ShouldBe(24);
        plan.Plan.Decisions.Count.ShouldBe(96);
        other.Select(m => m.Id).ShouldBeSubsetOf(await StoreListing.SnapshotIdsAsync(_s.Store));
    }

    [Fact]
    public async Task Incomplete_snapshots_are_reported_and_left_to_gc_by_default()
    {
        await FourDaysAsync();
        var leftover = SnapshotId.New(History.Start, new Random(5));
        await _s.Store.PutAsync(SnapshotKeys.Part(leftover, "main.BRIEFF", 0), new MemoryStream([1, 2, 3]), CancellationToken.None);

        var plan = await _s.PlanAsync(_s.Policy());
        await _s.Executor.ApplyAsync(plan, _s.Store, _s.Audit, force: false, CancellationToken.None);

        plan.Snapshots.Incomplete.ShouldHaveSingleItem().Id.ShouldBe(leftover);
        plan.Plan.Incomplete.ShouldHaveSingleItem().Id.ShouldBe(leftover);
        plan.Actions.ShouldNotContain(a => a.Kind == PlannedActionKind.DeleteGarbage);
        (await _s.Store.HeadAsync(SnapshotKeys.Part(leftover, "main.BRIEFF", 0), CancellationToken.None)).ShouldNotBeNull();
    }

    [Fact]
    public async Task With_a_garbage_grace_old_incomplete_snapshots_are_deleted_audited_and_young_ones_kept()
    {
        using var s = new RetentionStore(Now, new RetentionOptions { GarbageGrace = Duration.FromHours(24) });
        await SnapshotFactory.WriteSeriesAsync(s.Store, Now - Duration.FromHours(5), Duration.FromHours(1), 5);
        var old = SnapshotId.New(Now - Duration.FromDays(2), new Random(1));
        var young = SnapshotId.New(Now - Duration.FromHours(1), new Random(2));
        foreach (var id in new[] { old, young })
        {
            await s.Store.PutAsync(SnapshotKeys.Part(id, "main.BRIEFF", 0), new MemoryStream([1, 2, 3]), CancellationToken.None);
        }

        var plan = await s.PlanAsync(s.Policy());
        var result = await s.Executor.ApplyAsync(plan, s.Store, s.Audit, force: false, CancellationToken.None);

        plan.Actions.ShouldHaveSingleItem().Kind.ShouldBe(PlannedActionKind.DeleteGarbage);
        result.GarbageDeleted.ShouldBe([old]);
        (await StoreListing.AllAsync(s.Store, SnapshotKeys.SnapshotPrefix(old))).ShouldBeEmpty();
        (await StoreListing.AllAsync(s.Store, SnapshotKeys.SnapshotPrefix(young))).ShouldNotBeEmpty();
        (await AuditLog.LinesAsync(s.Store)).ShouldBe([$"intent gc-delete {old}", $"done gc-delete {old}"]);
    }

    [Fact]
    public async Task A_plan_with_a_move_to_cold_is_not_supported_and_changes_nothing()
    {
        await FourDaysAsync();
        var plan = await _s.PlanAsync(_s.Policy());
        var withCold = plan with
        {
            Actions = [.. plan.Actions, new PlannedAction(PlannedActionKind.MoveCold, plan.Plan.Kept.First().Snapshot.Id, null, "older than 14d") { StorageClass = "GLACIER" }],
        };
        var before = await StoreListing.AllAsync(_s.Store);

        var error = await Should.ThrowAsync<NotSupportedException>(
            () => _s.Executor.ApplyAsync(withCold, _s.Store, _s.Audit, force: false, CancellationToken.None));

        error.Message.ShouldContain("cold storage class is not implemented yet");
        (await StoreListing.AllAsync(_s.Store)).ShouldBe(before);
    }

    [Fact]
    public async Task A_plan_is_applied_only_to_the_store_it_was_made_for()
    {
        await FourDaysAsync();
        var plan = await _s.PlanAsync(_s.Policy());
        using var other = new RetentionStore(Now);

        await Should.ThrowAsync<ArgumentException>(
            () => _s.Executor.ApplyAsync(plan, other.Store, other.Audit, force: false, CancellationToken.None));
    }

    [Fact]
    public async Task A_manifest_that_does_not_match_its_checksum_is_reported_and_never_expired()
    {
        var manifests = await FourDaysAsync();
        var damaged = manifests[2];
        await _s.Store.PutAsync(SnapshotKeys.ManifestChecksum(damaged.Id), new MemoryStream(System.Text.Encoding.ASCII.GetBytes(new string('0', 64) + "  manifest.json\n")), CancellationToken.None);

        var plan = await _s.PlanAsync(_s.Policy());
        await _s.Executor.ApplyAsync(plan, _s.Store, _s.Audit, force: false, CancellationToken.None);

        plan.Snapshots.Unreadable.ShouldHaveSingleItem().Id.ShouldBe(damaged.Id);
        plan.Plan.Decisions.ShouldNotContain(d => d.Snapshot.Id == damaged.Id);
        (await StoreListing.SnapshotIdsAsync(_s.Store)).ShouldContain(damaged.Id);
    }

    [Fact]
    public async Task The_audit_entries_are_plain_json_with_the_documented_fields()
    {
        await SnapshotFactory.WriteAsync(_s.Store, Now - Duration.FromDays(400));
        await SnapshotFactory.WriteAsync(_s.Store, Now - Duration.FromHours(1));
        await _s.PruneAsync(_s.Policy());

        var first = await StoreListing.AllAsync(_s.Store, "audit/");
        await using var stream = await _s.Store.OpenReadAsync(first[0].Split(' ')[0], CancellationToken.None);
        using var json = await JsonDocument.ParseAsync(stream);
        json.RootElement.GetProperty("phase").GetString().ShouldBe("intent");
        json.RootElement.GetProperty("action").GetString().ShouldBe("expire");
        json.RootElement.GetProperty("objects").GetArrayLength().ShouldBe(3);
        json.RootElement.GetProperty("before").GetString().ShouldNotBeNull().ShouldContain("\"formatVersion\": 1");
    }
}
