using Backups.Catalog;
using Backups.Operations;
using Backups.Operations.Control;
using NodaTime;
using NodaTime.Testing;

namespace Backups.Cli.Tests.Commands;

public sealed class PinCommandTests : IDisposable
{
    private readonly RetentionCliStore _s = new();

    public void Dispose() => _s.Dispose();

    private async Task<string> OneSnapshotAsync() => (await _s.HourlyAsync(2, RetentionCliStore.Now - Duration.FromHours(1)))[0].Id;

    [Fact]
    public async Task Pin_writes_the_pin_to_the_store_and_prints_it_as_json()
    {
        var id = await OneSnapshotAsync();

        var result = await _s.RunAsync("pin", id, "--reason", "last good before deploy 4521", "--store", _s.StorePath, "--json");

        result.ExitCode.ShouldBe(0, result.Error);
        var json = RetentionCliStore.Json(result);
        json.GetProperty("id").GetString().ShouldBe(id);
        json.GetProperty("store").GetString().ShouldBe(_s.Store.Url);
        json.GetProperty("pinned").GetBoolean().ShouldBeTrue();
        json.GetProperty("reason").GetString().ShouldBe("last good before deploy 4521");
        json.GetProperty("pinnedAt").GetString().ShouldBe("2026-11-25T12:00:00Z");
        json.GetProperty("by").GetString().ShouldBe("alice");
        var pin = await new PinStore(_s.Store, new FakeClock(RetentionCliStore.Now)).GetAsync(id, CancellationToken.None);
        pin.ShouldBe(new Pin(id, "last good before deploy 4521", RetentionCliStore.Now, "alice"));
    }

    [Fact]
    public async Task Without_a_store_the_catalog_says_where_the_snapshot_is()
    {
        var id = await OneSnapshotAsync();
        using (var catalog = SnapshotCatalog.Open(_s.CatalogPath))
        {
            await CatalogRebuilder.RebuildAsync(_s.Store, catalog, CancellationToken.None);
        }

        var result = await _s.RunAsync("pin", id, "--reason", "incident 77");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.ShouldBe($"pinned {id} in {_s.Store.Url}: incident 77\n");
    }

    [Fact]
    public async Task Unknown_or_malformed_ids_exit_two_and_write_nothing()
    {
        await OneSnapshotAsync();
        var before = await _s.ListingAsync();
        const string unknown = "20261125T040000Z-1a2b3c4d";

        var inStore = await _s.RunAsync("pin", unknown, "--reason", "x", "--store", _s.StorePath);
        var inCatalog = await _s.RunAsync("pin", unknown, "--reason", "x");
        var malformed = await _s.RunAsync("pin", "last-tuesday", "--reason", "x", "--store", _s.StorePath);
        var noReason = await _s.RunAsync("pin", unknown, "--store", _s.StorePath);

        inStore.ExitCode.ShouldBe(2);
        inStore.Error.ShouldContain($"unknown snapshot id '{unknown}'");
        inCatalog.ExitCode.ShouldBe(2);
        inCatalog.Error.ShouldContain("not in the catalog");
        malformed.ExitCode.ShouldBe(2);
        malformed.Error.ShouldContain("'last-tuesday' is not a snapshot id");
        noReason.ExitCode.ShouldBe(2);
        (await _s.ListingAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Unpin_removes_the_pin_and_says_what_it_was()
    {
        var id = await OneSnapshotAsync();
        (await _s.RunAsync("pin", id, "--reason", "incident 77", "--store", _s.StorePath)).ExitCode.ShouldBe(0);

        var result = await _s.RunAsync("unpin", id, "--store", _s.StorePath, "--json");

        var json = RetentionCliStore.Json(result);
        result.ExitCode.ShouldBe(0);
        json.GetProperty("pinned").GetBoolean().ShouldBeFalse();
        json.GetProperty("removed").GetProperty("reason").GetString().ShouldBe("incident 77");
        json.GetProperty("removed").GetProperty("by").GetString().ShouldBe("alice");
        (await _s.ListingAsync("pins/")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Unpinning_a_snapshot_that_is_not_pinned_exits_zero_and_an_unknown_one_exits_two()
    {
        var id = await OneSnapshotAsync();

        var notPinned = await _s.RunAsync("unpin", id, "--store", _s.StorePath);
        var notPinnedJson = RetentionCliStore.Json(await _s.RunAsync("unpin", id, "--store", _s.StorePath, "--json"));
        var unknown = await _s.RunAsync("unpin", "20261125T040000Z-1a2b3c4d", "--store", _s.StorePath);

        notPinned.ExitCode.ShouldBe(0);
        notPinned.Out.ShouldContain("was not pinned; nothing changed");
        notPinnedJson.GetProperty("removed").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        unknown.ExitCode.ShouldBe(2);
    }

    [Fact]
    public async Task Pin_and_unpin_are_audited()
    {
        var id = await OneSnapshotAsync();
        await _s.RunAsync("pin", id, "--reason", "incident 77", "--store", _s.StorePath);
        await _s.RunAsync("unpin", id, "--store", _s.StorePath);

        var lines = new List<string>();
        await foreach (var e in AuditLogReader.ReadAsync(_s.Store, null, CancellationToken.None))
        {
            lines.Add($"{e.Phase} {e.Action} {e.SnapshotId}");
        }

        lines.ShouldBe([$"intent pin {id}", $"done pin {id}", $"intent unpin {id}", $"done unpin {id}"]);
    }
}
