using NodaTime;

namespace Backups.Cli.Tests.Commands;

public sealed class AuditCommandTests : IDisposable
{
    private readonly RetentionCliStore _s = new();

    public void Dispose() => _s.Dispose();

    private static readonly Instant PinnedAt = RetentionCliStore.Now - Duration.FromMinutes(30);

    /// <summary>A pin half an hour ago, then a prune now that expires one snapshot: four entries.</summary>
    private async Task<(string Pinned, string Expired)> HistoryAsync()
    {
        // Three snapshots within one hour: the hourly tier keeps the newest, the oldest rule the first; the middle one expires.
        var manifests = await _s.HourlyAsync(1, RetentionCliStore.Now - Duration.FromMinutes(50));
        var policy = _s.PolicyFile();
        await _s.RunAtAsync(PinnedAt, "pin", manifests[0].Id, "--reason", "incident 77", "--store", _s.StorePath);
        var more = await _s.HourlyAsync(1, RetentionCliStore.Now - Duration.FromMinutes(30));
        await _s.HourlyAsync(1, RetentionCliStore.Now - Duration.FromMinutes(10));
        var prune = await _s.RunAsync("prune", "--policy", policy, "--apply");
        prune.ExitCode.ShouldBe(0, prune.Out + prune.Error);
        return (manifests[0].Id, more[0].Id);
    }

    [Fact]
    public async Task The_log_prints_time_phase_action_snapshot_and_detail_oldest_first()
    {
        var (pinned, expired) = await HistoryAsync();

        var result = await _s.RunAsync("audit", "--store", _s.StorePath);

        result.ExitCode.ShouldBe(0, result.Error);
        var lines = result.Out.TrimEnd().Split('\n');
        lines[0].ShouldStartWith("TIME");
        lines[0].ShouldContain("PHASE   ACTION  SNAPSHOT");
        lines.Length.ShouldBe(5);
        lines[1].ShouldContain($"intent  pin     {pinned}  by alice: incident 77");
        lines[2].ShouldContain($"done    pin     {pinned}");
        lines[3].ShouldContain($"intent  expire  {expired}  policy vacols: newer snapshots hold its hourly, daily, weekly and monthly buckets");
        lines[4].ShouldContain($"done    expire  {expired}");
    }

    [Fact]
    public async Task The_json_log_has_one_object_per_entry_and_the_full_before_state_on_request()
    {
        var (_, expired) = await HistoryAsync();

        var plain = RetentionCliStore.Json(await _s.RunAsync("audit", "--policy", _s.PolicyFile(), "--json"));
        var full = RetentionCliStore.Json(await _s.RunAsync("audit", "--store", _s.StorePath, "--json", "--full"));

        plain.GetArrayLength().ShouldBe(4);
        var intent = plain[2];
        plain[0].GetProperty("at").GetString().ShouldNotBeNull().ShouldStartWith("2026-11-25T11:30:00");
        intent.GetProperty("at").GetString().ShouldNotBeNull().ShouldStartWith("2026-11-25T12:00:00");
        intent.GetProperty("phase").GetString().ShouldBe("intent");
        intent.GetProperty("action").GetString().ShouldBe("expire");
        intent.GetProperty("snapshot").GetString().ShouldBe(expired);
        intent.GetProperty("store").GetString().ShouldBe(_s.Store.Url);
        intent.GetProperty("objectCount").GetInt32().ShouldBe(3);
        intent.GetProperty("bytes").GetInt64().ShouldBeGreaterThan(0);
        intent.GetProperty("before").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        full[2].GetProperty("before").GetString().ShouldNotBeNull().ShouldContain($"\"id\": \"{expired}\"");
        full[2].GetProperty("objects").GetArrayLength().ShouldBe(3);
    }

    [Fact]
    public async Task Since_leaves_out_the_entries_before_the_cut_off()
    {
        var (_, expired) = await HistoryAsync();

        // The pin's two entries are at 11:30, the expiry's at 12:00: the cut-off falls between them.
        var fromStore = RetentionCliStore.Json(await _s.RunAsync("audit", "--store", _s.StorePath, "--since", "2026-11-25T11:45:00Z", "--json"));
        var fromCatalog = RetentionCliStore.Json(await _s.RunAsync("audit", "--since", "2026-11-25T11:45:00Z", "--json"));
        var atThePin = RetentionCliStore.Json(await _s.RunAsync("audit", "--since", "2026-11-25T11:30:00Z", "--json"));
        var later = await _s.RunAsync("audit", "--since", "2026-11-25T12:00:01Z");

        fromStore.EnumerateArray().Select(e => (e.GetProperty("phase").GetString(), e.GetProperty("action").GetString(), e.GetProperty("snapshot").GetString()))
            .ShouldBe([("intent", "expire", expired), ("done", "expire", expired)]);
        fromCatalog.EnumerateArray().Select(e => e.GetProperty("at").GetString())
            .ShouldBe(fromStore.EnumerateArray().Select(e => e.GetProperty("at").GetString()));
        atThePin.GetArrayLength().ShouldBe(4);
        later.ExitCode.ShouldBe(0);
        later.Out.ShouldStartWith("no audit entries in the catalog");
    }

    [Fact]
    public async Task Without_a_store_the_catalog_prints_the_log_of_every_store_it_knows()
    {
        var (pinned, expired) = await HistoryAsync();
        var other = Path.Combine(_s.Directory, "other-store");
        (await _s.RunAtAsync(RetentionCliStore.Now + Duration.FromMinutes(1), "pause", "caseflow", "--jobs", "retention", "--store", other, "--reason", "migration"))
            .ExitCode.ShouldBe(0);

        var result = await _s.RunAsync("audit");
        var json = RetentionCliStore.Json(await _s.RunAsync("audit", "--json"));

        result.ExitCode.ShouldBe(0, result.Error);
        var lines = result.Out.TrimEnd().Split('\n');
        lines[0].ShouldStartWith("TIME");
        lines[0].ShouldContain("STORE");
        lines.Length.ShouldBe(7);
        lines[1].ShouldContain(_s.Store.Url);
        lines[1].ShouldContain($"intent  pin     {pinned}  by alice: incident 77");
        lines[3].ShouldContain($"intent  expire  {expired}");
        lines[5].ShouldContain("intent  pause   -");
        lines[5].ShouldContain("caseflow: retention by alice: migration");
        json.EnumerateArray().Select(e => e.GetProperty("store").GetString()).Distinct().Count().ShouldBe(2);
    }

    [Fact]
    public async Task A_rebuilt_catalog_has_the_audit_log_back_from_the_store()
    {
        await HistoryAsync();
        var before = await _s.RunAsync("audit");
        foreach (var file in new[] { _s.CatalogPath, _s.CatalogPath + "-wal", _s.CatalogPath + "-shm" })
        {
            File.Delete(file);
        }
        (await _s.RunAsync("audit")).Out.ShouldStartWith("no audit entries in the catalog");

        var rebuild = await _s.RunAsync("catalog", "rebuild", "--store", _s.StorePath);
        var again = await _s.RunAsync("catalog", "rebuild", "--store", _s.StorePath, "--json");

        rebuild.ExitCode.ShouldBe(0, rebuild.Error);
        rebuild.Out.ShouldContain("4 audit entries (4 copied from the store)");
        RetentionCliStore.Json(again).GetProperty("auditEntriesCopied").GetInt32().ShouldBe(0);
        (await _s.RunAsync("audit")).Out.ShouldBe(before.Out);
    }

    [Fact]
    public async Task A_bad_time_exits_two()
    {
        (await _s.RunAsync("audit", "--store", _s.StorePath, "--since", "last week")).ExitCode.ShouldBe(2);
        (await _s.RunAsync("audit", "--since", "last week")).ExitCode.ShouldBe(2);
    }
}
