using Backups.Operations;
using Backups.Operations.Restore;
using Backups.Restore.Tests.Support;
using Backups.Snapshots;
using Backups.Storage;
using NodaTime;

namespace Backups.Restore.Tests.Restore;

/// <summary>Which snapshot --at picks, on a real directory store holding real snapshots.</summary>
public sealed class SnapshotResolverTests : IDisposable
{
    private static readonly Instant Nine = Instant.FromUtc(2026, 11, 25, 9, 0);
    private readonly Workspace _workspace = new();

    [Fact]
    public async Task At_picks_the_newest_snapshot_started_at_or_before_the_instant()
    {
        var (first, second, third) = await ThreeHourlyAsync();
        (await ResolveAsync(Nine + Duration.FromMinutes(90))).Manifest.Id.ShouldBe(second.Id);
        (await ResolveAsync(Nine + Duration.FromHours(5))).Manifest.Id.ShouldBe(third.Id);
        (await ResolveAsync(Nine + Duration.FromMinutes(59))).Manifest.Id.ShouldBe(first.Id);
    }

    [Fact]
    public async Task A_snapshot_started_exactly_at_the_instant_is_chosen_and_its_age_is_zero()
    {
        var (_, second, _) = await ThreeHourlyAsync();
        var resolved = await ResolveAsync(second.StartedAt);
        resolved.Manifest.Id.ShouldBe(second.Id);
        resolved.BeforeRequested.ShouldBe(Duration.Zero);
    }

    [Fact]
    public async Task An_instant_before_every_snapshot_is_refused_naming_the_oldest()
    {
        var (first, _, _) = await ThreeHourlyAsync();
        var error = await Should.ThrowAsync<OperationInputException>(() => ResolveAsync(Nine - Duration.FromMinutes(1)));
        error.Message.ShouldContain($"the oldest available is {first.Id}");
        error.Message.ShouldContain("2026-11-25T09:00:00Z");
    }

    [Fact]
    public async Task An_unknown_id_is_refused()
    {
        await ThreeHourlyAsync();
        var error = await Should.ThrowAsync<OperationInputException>(() =>
            SnapshotResolver.ResolveAsync(ObjectStoreFactory.Open(_workspace.StoreDirectory), SnapshotPointer.ForId("20261125T090000Z-00000000"), CancellationToken.None));
        error.Message.ShouldContain("unknown snapshot id '20261125T090000Z-00000000'");
    }

    [Fact]
    public async Task A_snapshot_whose_manifest_is_damaged_is_skipped_with_a_warning()
    {
        var (first, second, _) = await ThreeHourlyAsync();
        await File.AppendAllTextAsync(_workspace.StorePath(SnapshotKeys.Manifest(second.Id)), " ");
        var resolved = await ResolveAsync(Nine + Duration.FromMinutes(90));
        resolved.Manifest.Id.ShouldBe(first.Id);
        resolved.Warnings.ShouldHaveSingleItem().ShouldContain(second.Id);
    }

    public void Dispose() => _workspace.Dispose();

    private async Task<(Manifest, Manifest, Manifest)> ThreeHourlyAsync()
    {
        var table = (StoreBuilder.Accounts, StoreBuilder.AccountRows(3));
        return (
            await StoreBuilder.WriteAsync(_workspace.StoreDirectory, Nine, table),
            await StoreBuilder.WriteAsync(_workspace.StoreDirectory, Nine + Duration.FromHours(1), table),
            await StoreBuilder.WriteAsync(_workspace.StoreDirectory, Nine + Duration.FromHours(2), table));
    }

    private Task<ResolvedSnapshot> ResolveAsync(Instant at) =>
        SnapshotResolver.ResolveAsync(ObjectStoreFactory.Open(_workspace.StoreDirectory), SnapshotPointer.ForInstant(at), CancellationToken.None);
}
