using Backups.Cli.Tests.Support;
using Backups.Operations.Control;
using NodaTime;
using NodaTime.Testing;

namespace Backups.Cli.Tests.Commands;

public sealed class PauseCommandTests : IDisposable
{
    private readonly RetentionCliStore _s = new();

    public void Dispose() => _s.Dispose();

    private Task<bool> IsPausedAsync(PausableJob job, string policy = "vacols") =>
        new PauseState(_s.Store, new FakeClock(RetentionCliStore.Now)).IsPausedAsync(policy, job, CancellationToken.None);

    [Fact]
    public async Task Pause_writes_the_state_the_service_reads_and_prints_it_as_json()
    {
        var result = await _s.RunAsync("pause", "vacols", "--jobs", "retention,verify", "--store", _s.StorePath, "--reason", "incident 77", "--json");

        result.ExitCode.ShouldBe(0, result.Error);
        var json = RetentionCliStore.Json(result);
        json.GetProperty("policy").GetString().ShouldBe("vacols");
        json.GetProperty("store").GetString().ShouldBe(_s.Store.Url);
        var paused = json.GetProperty("paused").EnumerateArray().ToList();
        paused.Select(p => p.GetProperty("job").GetString()).ShouldBe(["retention", "verify"]);
        paused[0].GetProperty("reason").GetString().ShouldBe("incident 77");
        paused[0].GetProperty("pausedAt").GetString().ShouldBe("2026-11-25T12:00:00Z");
        paused[0].GetProperty("by").GetString().ShouldBe("alice");
        (await IsPausedAsync(PausableJob.Retention)).ShouldBeTrue();
        (await IsPausedAsync(PausableJob.Verify)).ShouldBeTrue();
        (await IsPausedAsync(PausableJob.Snapshot)).ShouldBeFalse();
    }

    [Fact]
    public async Task The_store_can_come_from_the_policy_file()
    {
        var result = await _s.RunAsync("pause", "vacols", "--jobs", "snapshot", "--policy", _s.PolicyFile());

        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.ShouldContain("paused snapshot of vacols in");
        result.Out.ShouldContain("vacols: paused now: snapshot since 2026-11-25T12:00:00Z by alice");
        (await IsPausedAsync(PausableJob.Snapshot)).ShouldBeTrue();
    }

    [Fact]
    public async Task Resume_restarts_the_named_jobs_or_all_of_them()
    {
        await _s.RunAsync("pause", "vacols", "--jobs", "all", "--store", _s.StorePath);

        var some = await _s.RunAsync("resume", "vacols", "--jobs", "verify", "--store", _s.StorePath);
        some.ExitCode.ShouldBe(0, some.Error);
        some.Out.ShouldContain("resumed verify of vacols");
        (await IsPausedAsync(PausableJob.Verify)).ShouldBeFalse();
        (await IsPausedAsync(PausableJob.Retention)).ShouldBeTrue();

        var rest = RetentionCliStore.Json(await _s.RunAsync("resume", "vacols", "--store", _s.StorePath, "--json"));
        rest.GetProperty("paused").GetArrayLength().ShouldBe(0);
        (await IsPausedAsync(PausableJob.Retention)).ShouldBeFalse();
        (await _s.ListingAsync("control/")).ShouldBeEmpty();

        var nothing = await _s.RunAsync("resume", "vacols", "--store", _s.StorePath);
        nothing.ExitCode.ShouldBe(0);
        nothing.Out.ShouldContain("nothing to resume for vacols");
    }

    [Fact]
    public async Task Without_a_store_the_catalog_says_where_the_policys_snapshots_are()
    {
        await _s.HourlyAsync(1, RetentionCliStore.Now - Duration.FromMinutes(10));
        (await _s.RunAsync("list", "--store", _s.StorePath)).ExitCode.ShouldBe(0);

        var pause = await _s.RunAsync("pause", "vacols", "--jobs", "retention", "--reason", "incident 77");
        var resume = await _s.RunAsync("resume", "vacols");

        pause.ExitCode.ShouldBe(0, pause.Error);
        pause.Out.ShouldContain($"paused retention of vacols in {_s.Store.Url}");
        resume.ExitCode.ShouldBe(0, resume.Error);
        resume.Out.ShouldContain($"resumed retention of vacols in {_s.Store.Url}");
        (await IsPausedAsync(PausableJob.Retention)).ShouldBeFalse();
    }

    [Fact]
    public async Task Without_a_store_the_service_policy_directory_names_it()
    {
        var directory = Path.Combine(_s.Directory, "policies");
        Directory.CreateDirectory(directory);
        File.Move(_s.PolicyFile(), Path.Combine(directory, "vacols.yaml"));

        var byOption = await _s.RunAsync("pause", "vacols", "--jobs", "verify", "--policies", directory);
        var byEnvironment = await CliRunner.RunAsync(
            ["pause", "vacols", "--jobs", "snapshot"],
            now: RetentionCliStore.Now,
            environment: new Dictionary<string, string?> { ["BACKUPS_POLICIES"] = directory, ["BACKUPS_CATALOG"] = _s.CatalogPath, ["USER"] = "bob" });
        var unknown = await _s.RunAsync("pause", "caseflow", "--jobs", "verify", "--policies", directory);

        byOption.ExitCode.ShouldBe(0, byOption.Error);
        byEnvironment.ExitCode.ShouldBe(0, byEnvironment.Error);
        (await IsPausedAsync(PausableJob.Verify)).ShouldBeTrue();
        (await IsPausedAsync(PausableJob.Snapshot)).ShouldBeTrue();
        unknown.ExitCode.ShouldBe(2);
        unknown.Error.ShouldContain($"no valid policy 'caseflow' in {directory}");
    }

    [Fact]
    public async Task Bad_input_exits_two_and_changes_nothing()
    {
        var unknownJob = await _s.RunAsync("pause", "vacols", "--jobs", "retention,backup", "--store", _s.StorePath);
        var noJobs = await _s.RunAsync("pause", "vacols", "--store", _s.StorePath);
        var noStore = await _s.RunAsync("pause", "vacols", "--jobs", "retention");
        var otherPolicy = await _s.RunAsync("pause", "caseflow", "--jobs", "retention", "--policy", _s.PolicyFile());
        var badName = await _s.RunAsync("pause", "Bad Name", "--jobs", "retention", "--store", _s.StorePath);

        unknownJob.ExitCode.ShouldBe(2);
        unknownJob.Error.ShouldContain("unknown job 'backup'");
        noJobs.ExitCode.ShouldBe(2);
        noStore.ExitCode.ShouldBe(2);
        noStore.Error.ShouldContain("cannot find the store of policy 'vacols': no --store URL or --policy FILE was given");
        noStore.Error.ShouldContain("the catalog");
        otherPolicy.ExitCode.ShouldBe(2);
        otherPolicy.Error.ShouldContain("is the policy 'vacols', not 'caseflow'");
        badName.ExitCode.ShouldBe(2);
        (await _s.ListingAsync()).ShouldBeEmpty();
    }
}
