using System.Text.Json;
using Backups.Operations.Control;
using Backups.Operations.Tests.Support;
using Backups.Snapshots;
using NodaTime;

namespace Backups.Operations.Tests.Control;

public sealed class PinStoreTests : IDisposable
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 25, 12, 0);
    private readonly RetentionStore _s = new(Now);

    public void Dispose() => _s.Dispose();

    private PinStore Pins => new(_s.Store, _s.Clock);

    [Fact]
    public async Task A_pin_is_a_small_json_object_named_after_the_snapshot()
    {
        var snapshot = await SnapshotFactory.WriteAsync(_s.Store, Now - Duration.FromHours(2));

        var pin = await Pins.PinAsync(snapshot.Id, "  last good before deploy 4521 ", "alice", CancellationToken.None);

        pin.ShouldBe(new Pin(snapshot.Id, "last good before deploy 4521", Now, "alice"));
        await using var stream = await _s.Store.OpenReadAsync($"pins/{snapshot.Id}.json", CancellationToken.None);
        using var json = await JsonDocument.ParseAsync(stream);
        json.RootElement.GetProperty("id").GetString().ShouldBe(snapshot.Id);
        json.RootElement.GetProperty("reason").GetString().ShouldBe("last good before deploy 4521");
        json.RootElement.GetProperty("pinnedAt").GetString().ShouldBe("2026-11-25T12:00:00Z");
        json.RootElement.GetProperty("by").GetString().ShouldBe("alice");
        (await Pins.GetAsync(snapshot.Id, CancellationToken.None)).ShouldBe(pin);
        (await Pins.ListAsync(CancellationToken.None)).ShouldBe([pin]);
    }

    [Fact]
    public async Task Pinning_and_unpinning_are_audited_with_what_was_there_before()
    {
        var snapshot = await SnapshotFactory.WriteAsync(_s.Store, Now - Duration.FromHours(2));
        await Pins.PinAsync(snapshot.Id, "first", "alice", CancellationToken.None);
        _s.Clock.Advance(Duration.FromMinutes(1));
        await Pins.PinAsync(snapshot.Id, "second", "bob", CancellationToken.None);
        _s.Clock.Advance(Duration.FromMinutes(1));

        var removed = await Pins.UnpinAsync(snapshot.Id, "carol", CancellationToken.None);

        removed.ShouldNotBeNull().Reason.ShouldBe("second");
        (await Pins.GetAsync(snapshot.Id, CancellationToken.None)).ShouldBeNull();
        var log = await AuditLog.AllAsync(_s.Store);
        log.Select(e => $"{e.Phase} {e.Action} {e.SnapshotId}").ShouldBe([
            $"intent pin {snapshot.Id}", $"done pin {snapshot.Id}",
            $"intent pin {snapshot.Id}", $"done pin {snapshot.Id}",
            $"intent unpin {snapshot.Id}", $"done unpin {snapshot.Id}"]);
        log[0].Before.ShouldBeNull();
        log[0].Detail.ShouldBe("by alice: first");
        log[2].Before.ShouldNotBeNull().ShouldContain("\"reason\": \"first\"");
        log[4].Before.ShouldNotBeNull().ShouldContain("\"reason\": \"second\"");
        log[4].Detail.ShouldBe("by carol; was pinned by bob: second");
    }

    [Fact]
    public async Task Pinning_an_unknown_snapshot_is_refused_and_writes_nothing()
    {
        var unknown = SnapshotId.New(Now, new Random(1));

        var error = await Should.ThrowAsync<OperationInputException>(() => Pins.PinAsync(unknown, "why", "alice", CancellationToken.None));

        error.Message.ShouldStartWith($"unknown snapshot id '{unknown}'");
        (await StoreListing.AllAsync(_s.Store)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_malformed_id_is_refused()
    {
        var error = await Should.ThrowAsync<OperationInputException>(() => Pins.PinAsync("../../etc", "why", "alice", CancellationToken.None));

        error.Message.ShouldContain("is not a snapshot id");
    }

    [Fact]
    public async Task Unpinning_a_snapshot_that_is_not_pinned_changes_nothing_and_an_unknown_one_is_refused()
    {
        var snapshot = await SnapshotFactory.WriteAsync(_s.Store, Now - Duration.FromHours(2));

        (await Pins.UnpinAsync(snapshot.Id, "alice", CancellationToken.None)).ShouldBeNull();
        await Should.ThrowAsync<OperationInputException>(() => Pins.UnpinAsync(SnapshotId.New(Now, new Random(3)), "alice", CancellationToken.None));
        (await AuditLog.AllAsync(_s.Store)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_pin_of_a_snapshot_that_has_gone_can_still_be_removed()
    {
        var snapshot = await SnapshotFactory.WriteAsync(_s.Store, Now - Duration.FromHours(2));
        await Pins.PinAsync(snapshot.Id, "why", "alice", CancellationToken.None);
        await _s.Store.DeleteAsync(SnapshotKeys.Manifest(snapshot.Id), CancellationToken.None);

        (await Pins.UnpinAsync(snapshot.Id, "alice", CancellationToken.None)).ShouldNotBeNull();
        (await Pins.ListAsync(CancellationToken.None)).ShouldBeEmpty();
    }
}
