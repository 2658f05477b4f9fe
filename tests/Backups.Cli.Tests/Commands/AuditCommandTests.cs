using NodaTime;

namespace Backups.Cli.Tests.Commands;

public sealed class AuditCommandTests : IDisposable
{
    private readonly RetentionCliStore _s = new();

    public void Dispose() => _s.Dispose();

    /// <summary>A pin, then a prune that expires one snapshot: six entries.</summary>
    private async Task<(string Pinned, string Expired)> HistoryAsync()
    {
        // Three snapshots within one hour: the hourly tier keeps the newest, the oldest rule the first; the middle one expires.
        var manifests = await _s.HourlyAsync(1, RetentionCliStore.Now - Duration.FromMinutes(50));
        var policy = _s.PolicyFile();
        await _s.RunAsync("pin", manifests[0].Id, "--reason", "incident 77", "--store", _s.StorePath);
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
    public async Task Since_leaves_out_older_entries()
    {
        await HistoryAsync();

        var later = await _s.RunAsync("audit", "--store", _s.StorePath, "--since", "2026-11-25T12:00:01Z");
        var all = RetentionCliStore.Json(await _s.RunAsync("audit", "--store", _s.StorePath, "--since", "2026-11-25T11:00:00Z", "--json"));

        later.ExitCode.ShouldBe(0);
        later.Out.ShouldStartWith("no audit entries in");
        all.GetArrayLength().ShouldBe(4);
    }

    [Fact]
    public async Task Without_a_store_or_policy_or_with_a_bad_time_it_exits_two()
    {
        (await _s.RunAsync("audit")).ExitCode.ShouldBe(2);
        (await _s.RunAsync("audit", "--store", _s.StorePath, "--since", "last week")).ExitCode.ShouldBe(2);
    }
}
