using Backups.Domain.Retention;
using Duration = NodaTime.Duration;

namespace Backups.Cli.Tests.Commands;

public sealed class PolicyDiffCommandTests : IDisposable
{
    private const string Tiers = "{ hourly: 3d, daily: 14d, weekly: 60d, monthly: 180d }";
    private const string ShorterHourly = "{ hourly: 1d, daily: 14d, weekly: 60d, monthly: 180d }";
    private readonly RetentionCliStore _s = new();

    public void Dispose() => _s.Dispose();

    [Fact]
    public async Task Every_changed_field_is_listed_with_its_old_and_new_value()
    {
        var old = _s.PolicyFile(retention: Tiers);
        var @new = _s.PolicyFile(retention: "{ hourly: 2d, daily: 14d, weekly: 60d, yearly: 3y }", guards: "{ max-expire-per-run: 10, max-expire-fraction: 0.25 }");

        var result = await _s.RunAsync("policy", "diff", old, @new, "--json");

        result.ExitCode.ShouldBe(0, result.Error);
        var json = RetentionCliStore.Json(result);
        json.GetProperty("old").GetString().ShouldBe(old);
        json.GetProperty("new").GetString().ShouldBe(@new);
        json.GetProperty("changes").EnumerateArray()
            .Select(c => $"{c.GetProperty("field").GetString()}: {c.GetProperty("old").GetString() ?? "null"} -> {c.GetProperty("new").GetString() ?? "null"}")
            .ShouldBe([
                "retention.hourly: 3d -> 2d",
                "retention.monthly: 180d -> null",
                "retention.yearly: null -> 3y",
                "guards.max-expire-per-run: 50 -> 10",
                "guards.max-expire-fraction: 0.5 -> 0.25",
            ]);
        json.GetProperty("snapshots").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task Identical_policies_have_no_differences()
    {
        var result = await _s.RunAsync("policy", "diff", _s.PolicyFile(), _s.PolicyFile());

        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.ShouldBe("no field differs\n");
    }

    [Fact]
    public async Task The_text_form_names_each_field()
    {
        var result = await _s.RunAsync("policy", "diff", _s.PolicyFile(retention: Tiers), _s.PolicyFile(retention: ShorterHourly));

        result.Out.ShouldBe("1 field differs:\n  retention.hourly  3d -> 1d\n");
    }

    [Fact]
    public async Task With_the_store_it_lists_the_snapshots_that_new_would_newly_expire()
    {
        var manifests = await _s.HourlyAsync(96, RetentionCliStore.Now - Duration.FromMinutes(30));
        var refs = manifests.Select(m => new SnapshotRef(m.Id, m.CompletedAt)).ToList();
        var oldPlan = RetentionPlanner.Plan(refs, RetentionRules.Default, RetentionCliStore.Now);
        var shorter = RetentionRules.Default with { Tiers = [new Tier(Period.Hourly, RetentionWindow.Parse("1d")), .. RetentionRules.Default.Tiers.Skip(1)] };
        var newPlan = RetentionPlanner.Plan(refs, shorter, RetentionCliStore.Now);
        var expected = oldPlan.Decisions.Zip(newPlan.Decisions).Where(p => p.First.Keep && !p.Second.Keep).Select(p => p.First.Snapshot.Id).ToList();
        expected.Count.ShouldBeGreaterThan(20);

        var result = await _s.RunAsync("policy", "diff", _s.PolicyFile(retention: Tiers), _s.PolicyFile(retention: ShorterHourly), "--snapshots-from-store", "--json");

        var snapshots = RetentionCliStore.Json(result).GetProperty("snapshots");
        snapshots.GetProperty("store").GetString().ShouldBe(_s.Store.Url);
        snapshots.GetProperty("snapshots").GetInt32().ShouldBe(96);
        snapshots.GetProperty("old").GetProperty("expire").GetInt32().ShouldBe(oldPlan.Expired.Count());
        snapshots.GetProperty("new").GetProperty("expire").GetInt32().ShouldBe(newPlan.Expired.Count());
        var newly = snapshots.GetProperty("newlyExpired").EnumerateArray().ToList();
        newly.Select(n => n.GetProperty("id").GetString()).ShouldBe(expected);
        newly[0].GetProperty("keptByOld").EnumerateArray().Select(r => r.GetString()).ShouldContain("hourly");
        newly[0].GetProperty("reason").GetString().ShouldNotBeNull().ShouldContain("outside the hourly window");
        snapshots.GetProperty("newlyKept").GetArrayLength().ShouldBe(0);
        snapshots.GetProperty("new").GetProperty("refused").GetBoolean().ShouldBe(newPlan.Guard.Refused);

        var text = await _s.RunAsync("policy", "diff", _s.PolicyFile(retention: Tiers), _s.PolicyFile(retention: ShorterHourly), "--snapshots-from-store");
        text.Out.ShouldContain($"NEW would newly expire {expected.Count}:");
        text.Out.ShouldContain($"  {expected[0]}  ");
    }

    [Fact]
    public async Task Policies_in_different_stores_need_an_explicit_store()
    {
        await _s.HourlyAsync(3, RetentionCliStore.Now - Duration.FromMinutes(30));
        var old = _s.PolicyFile();
        var moved = _s.PolicyFile(store: "/srv/backups/elsewhere");

        var refused = await _s.RunAsync("policy", "diff", old, moved, "--snapshots-from-store");
        var explicitStore = await _s.RunAsync("policy", "diff", old, moved, "--store", _s.StorePath, "--json");

        refused.ExitCode.ShouldBe(2);
        refused.Error.ShouldContain("OLD and NEW name different stores");
        explicitStore.ExitCode.ShouldBe(0, explicitStore.Error);
        var json = RetentionCliStore.Json(explicitStore);
        json.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("field").GetString()).ShouldBe(["store"]);
        json.GetProperty("snapshots").GetProperty("snapshots").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task An_invalid_policy_file_exits_two()
    {
        var broken = _s.PolicyFile(retention: "{ hourly: 0d }");

        var result = await _s.RunAsync("policy", "diff", _s.PolicyFile(), broken);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain(broken);
    }
}
