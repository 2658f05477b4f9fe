using Backups.Catalog;
using Backups.Domain.Retention;
using Backups.Operations;
using Backups.Snapshots;
using NodaTime;

namespace Backups.Cli.Tests.Commands;

public sealed class PruneCommandTests : IDisposable
{
    private static readonly Instant Last = RetentionCliStore.Now - Duration.FromMinutes(30);
    private readonly RetentionCliStore _s = new();

    public void Dispose() => _s.Dispose();

    /// <summary>Four days of hourly snapshots; returns the ids the post-mortem tiers expire now.</summary>
    private async Task<List<string>> FourDaysAsync()
    {
        var manifests = await _s.HourlyAsync(96, Last);
        var plan = RetentionPlanner.Plan([.. manifests.Select(m => new SnapshotRef(m.Id, m.CompletedAt))], RetentionRules.Default, RetentionCliStore.Now);
        return [.. plan.Expired.Select(d => d.Snapshot.Id).Order(StringComparer.Ordinal)];
    }

    [Fact]
    public async Task The_dry_run_shows_what_would_expire_and_why_and_changes_nothing()
    {
        var expired = await FourDaysAsync();
        var before = await _s.ListingAsync();

        var result = await _s.RunAsync("prune", "--policy", _s.PolicyFile());

        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.ShouldContain("(dry run)");
        result.Out.ShouldContain($"expire  {expired[0]}");
        result.Out.ShouldContain("newer snapshots hold its daily, weekly and monthly buckets; outside the hourly window");
        result.Out.ShouldContain("keep    ");
        result.Out.ShouldContain("hourly, daily, weekly, monthly");
        result.Out.ShouldContain($"96 snapshots: keep {96 - expired.Count}, expire {expired.Count}");
        result.Out.ShouldContain("expiry guards: ok");
        result.Out.ShouldContain("stale-backups guard: ok (newest snapshot 30m old, expected every 60m, allowed 3h)");
        result.Out.ShouldContain("dry run: nothing changed; run again with --apply");
        (await _s.ListingAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_sub_minute_schedule_shows_its_guard_figures_in_seconds()
    {
        await _s.HourlyAsync(1, RetentionCliStore.Now - Duration.FromSeconds(20));

        var result = await _s.RunAsync("prune", "--policy", _s.PolicyFile(schedule: "0/10 * * * * ?"));

        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.ShouldContain("stale-backups guard: ok (newest snapshot 20s old, expected every 10s, allowed 30s)");
    }

    [Fact]
    public async Task The_json_plan_lists_expiries_keeps_guards_and_a_summary()
    {
        var expired = await FourDaysAsync();

        var json = RetentionCliStore.Json(await _s.RunAsync("prune", "--policy", _s.PolicyFile(), "--json"));

        json.GetProperty("policy").GetString().ShouldBe("vacols");
        json.GetProperty("store").GetString().ShouldBe(_s.Store.Url);
        json.GetProperty("now").GetString().ShouldBe("2026-11-25T12:00:00Z");
        json.GetProperty("anchor").GetString().ShouldBe("2026-11-25T11:30:00Z");
        json.GetProperty("dryRun").GetBoolean().ShouldBeTrue();
        json.GetProperty("refused").GetBoolean().ShouldBeFalse();
        json.GetProperty("guards").GetProperty("expiry").GetProperty("refused").GetBoolean().ShouldBeFalse();
        var stale = json.GetProperty("guards").GetProperty("stale");
        stale.GetProperty("refused").GetBoolean().ShouldBeFalse();
        stale.GetProperty("ageSeconds").GetDouble().ShouldBe(1800);
        stale.GetProperty("expectedIntervalSeconds").GetDouble().ShouldBe(3600);
        stale.GetProperty("allowedAgeSeconds").GetDouble().ShouldBe(3 * 3600);
        json.GetProperty("expire").EnumerateArray().Select(e => e.GetProperty("id").GetString()).ShouldBe(expired);
        var firstExpiry = json.GetProperty("expire")[0];
        firstExpiry.GetProperty("reason").GetString().ShouldNotBeNullOrEmpty();
        firstExpiry.GetProperty("bytes").GetInt64().ShouldBeGreaterThan(0);
        var keep = json.GetProperty("keep").EnumerateArray().ToList();
        keep.Count.ShouldBe(96 - expired.Count);
        keep[^1].GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).ShouldBe(["hourly", "daily", "weekly", "monthly"]);
        json.GetProperty("summary").GetProperty("expire").GetInt32().ShouldBe(expired.Count);
        json.GetProperty("result").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task Apply_expires_the_plan_exits_zero_and_leaves_the_catalog_in_step()
    {
        var expired = await FourDaysAsync();
        using (var catalog = SnapshotCatalog.Open(_s.CatalogPath))
        {
            await CatalogRebuilder.RebuildAsync(_s.Store, catalog, CancellationToken.None);
        }

        var result = await _s.RunAsync("prune", "--policy", _s.PolicyFile(), "--apply", "--json");

        var json = RetentionCliStore.Json(result);
        result.ExitCode.ShouldBe(0);
        json.GetProperty("dryRun").GetBoolean().ShouldBeFalse();
        json.GetProperty("result").GetProperty("expired").EnumerateArray().Select(e => e.GetString()).Order(StringComparer.Ordinal).ShouldBe(expired);
        json.GetProperty("result").GetProperty("objectsDeleted").GetInt64().ShouldBe(expired.Count * 3);
        var left = await _s.SnapshotIdsAsync();
        left.ShouldNotContain(expired[0]);
        left.Count.ShouldBe(96 - expired.Count);
        using var after = SnapshotCatalog.Open(_s.CatalogPath);
        after.List(_s.Store.Url).Select(e => e.Id).Order(StringComparer.Ordinal).ShouldBe(left);
    }

    [Fact]
    public async Task Apply_twice_changes_nothing_the_second_time()
    {
        await FourDaysAsync();
        (await _s.RunAsync("prune", "--policy", _s.PolicyFile(), "--apply")).ExitCode.ShouldBe(0);
        var after = await _s.ListingAsync();

        var again = await _s.RunAsync("prune", "--policy", _s.PolicyFile(), "--apply");

        again.ExitCode.ShouldBe(0, again.Error);
        again.Out.ShouldContain("expired 0 snapshots");
        (await _s.ListingAsync()).ShouldBe(after);
    }

    [Fact]
    public async Task A_plan_over_max_expire_per_run_exits_four_and_force_applies_it()
    {
        var expired = await FourDaysAsync();
        var policy = _s.PolicyFile(guards: "{ max-expire-per-run: 5 }");
        var before = await _s.ListingAsync();

        var refused = await _s.RunAsync("prune", "--policy", policy, "--apply");

        refused.ExitCode.ShouldBe(4, refused.Out + refused.Error);
        refused.Out.ShouldContain("expiry guards: REFUSED (--force overrides)");
        refused.Out.ShouldContain("refused: nothing was changed");
        (await _s.ListingAsync()).ShouldBe(before);

        var forced = await _s.RunAsync("prune", "--policy", policy, "--apply", "--force", "--json");

        forced.ExitCode.ShouldBe(0, forced.Error);
        RetentionCliStore.Json(forced).GetProperty("guards").GetProperty("expiry").GetProperty("forced").GetBoolean().ShouldBeTrue();
        (await _s.SnapshotIdsAsync()).Count.ShouldBe(96 - expired.Count);
    }

    [Fact]
    public async Task A_dry_run_of_a_refused_plan_exits_zero_and_says_apply_would_be_refused()
    {
        await FourDaysAsync();

        var result = await _s.RunAsync("prune", "--policy", _s.PolicyFile(guards: "{ max-expire-per-run: 5 }"));

        result.ExitCode.ShouldBe(0);
        result.Out.ShouldContain("dry run: apply would be refused; nothing would change");
    }

    [Fact]
    public async Task Stopped_backups_exit_four_even_with_force()
    {
        await FourDaysAsync();
        var before = await _s.ListingAsync();

        var result = await _s.RunAsync("prune", "--policy", _s.PolicyFile(), "--now", "2026-12-25T11:30:00Z", "--apply", "--force", "--json");

        result.ExitCode.ShouldBe(4);
        var json = RetentionCliStore.Json(result);
        json.GetProperty("refused").GetBoolean().ShouldBeTrue();
        var stale = json.GetProperty("guards").GetProperty("stale");
        stale.GetProperty("refused").GetBoolean().ShouldBeTrue();
        stale.GetProperty("reason").GetString().ShouldNotBeNull().ShouldStartWith("backups have stopped: newest snapshot is 30d old, expected every 1h");
        json.GetProperty("result").GetProperty("refused").GetBoolean().ShouldBeTrue();
        (await _s.ListingAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task The_stale_factor_can_be_raised_on_the_command_line()
    {
        await FourDaysAsync();

        var result = await _s.RunAsync("prune", "--policy", _s.PolicyFile(), "--now", "2026-11-25T20:00:00Z", "--stale-factor", "12");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.ShouldContain("stale-backups guard: ok");
        (await _s.RunAsync("prune", "--policy", _s.PolicyFile(), "--stale-factor", "0")).ExitCode.ShouldBe(2);
    }

    [Fact]
    public async Task The_store_option_overrides_the_policys_store()
    {
        await FourDaysAsync();

        var result = await _s.RunAsync("prune", "--policy", _s.PolicyFile(store: "/nonexistent/elsewhere"), "--store", _s.StorePath, "--json");

        RetentionCliStore.Json(result).GetProperty("summary").GetProperty("snapshots").GetInt32().ShouldBe(96);
    }

    [Fact]
    public async Task Bad_input_exits_two()
    {
        (await _s.RunAsync("prune", "--policy", "/nonexistent/policy.yaml")).ExitCode.ShouldBe(2);
        (await _s.RunAsync("prune")).ExitCode.ShouldBe(2);
        (await _s.RunAsync("prune", "--policy", _s.PolicyFile(), "--now", "yesterday")).ExitCode.ShouldBe(2);
    }

    [Fact]
    public async Task Pinned_snapshots_show_their_reason_and_survive_apply()
    {
        var expired = await FourDaysAsync();
        (await _s.RunAsync("pin", expired[5], "--reason", "last good before deploy 4521", "--store", _s.StorePath)).ExitCode.ShouldBe(0);

        var result = await _s.RunAsync("prune", "--policy", _s.PolicyFile(), "--apply");

        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.ShouldContain($"keep    {expired[5]}");
        result.Out.ShouldContain("pinned: last good before deploy 4521");
        (await _s.SnapshotIdsAsync()).ShouldContain(expired[5]);
        (await new Backups.Snapshots.SnapshotReader().ReadManifestAsync(_s.Store, expired[5], CancellationToken.None)).Id.ShouldBe(expired[5]);
    }
}
