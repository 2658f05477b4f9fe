using System.Text.Json;
using Backups.Operations.Control;
using Backups.Operations.Tests.Support;
using NodaTime;

namespace Backups.Operations.Tests.Control;

public sealed class PauseStateTests : IDisposable
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 25, 12, 0);
    private readonly RetentionStore _s = new(Now);

    public void Dispose() => _s.Dispose();

    private PauseState Pauses => new(_s.Store, _s.Clock);

    [Fact]
    public async Task Nothing_is_paused_until_an_operator_pauses_it()
    {
        foreach (var job in PausableJobs.All)
        {
            (await Pauses.IsPausedAsync("vacols", job, CancellationToken.None)).ShouldBeFalse();
        }
        (await Pauses.GetAsync("vacols", CancellationToken.None)).Jobs.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_pause_is_seen_by_every_reader_of_the_same_store()
    {
        await Pauses.PauseAsync("vacols", [PausableJob.Retention], "investigating BFSO", "alice", CancellationToken.None);

        var otherInstance = new PauseState(new Backups.Storage.Files.FileObjectStore(Path.Combine(_s.Directory, "store")), _s.Clock);
        (await otherInstance.IsPausedAsync("vacols", PausableJob.Retention, CancellationToken.None)).ShouldBeTrue();
        (await otherInstance.IsPausedAsync("vacols", PausableJob.Snapshot, CancellationToken.None)).ShouldBeFalse();
        (await otherInstance.IsPausedAsync("caseflow", PausableJob.Retention, CancellationToken.None)).ShouldBeFalse();
    }

    [Fact]
    public async Task The_pause_object_lists_each_job_with_its_reason_time_and_author()
    {
        await Pauses.PauseAsync("vacols", [PausableJob.Verify, PausableJob.Retention], "incident 77", "alice", CancellationToken.None);

        await using var stream = await _s.Store.OpenReadAsync("control/pause/vacols.json", CancellationToken.None);
        using var json = await JsonDocument.ParseAsync(stream);
        json.RootElement.GetProperty("policy").GetString().ShouldBe("vacols");
        var jobs = json.RootElement.GetProperty("jobs").EnumerateArray().ToList();
        jobs.Select(j => j.GetProperty("job").GetString()).ShouldBe(["retention", "verify"]);
        jobs[0].GetProperty("reason").GetString().ShouldBe("incident 77");
        jobs[0].GetProperty("pausedAt").GetString().ShouldBe("2026-11-25T12:00:00Z");
        jobs[0].GetProperty("by").GetString().ShouldBe("alice");
    }

    [Fact]
    public async Task Resuming_some_jobs_keeps_the_others_paused_and_resuming_all_removes_the_object()
    {
        await Pauses.PauseAsync("vacols", PausableJobs.All, null, "alice", CancellationToken.None);

        var after = await Pauses.ResumeAsync("vacols", [PausableJob.Snapshot], "bob", CancellationToken.None);
        after.Jobs.Select(j => j.Job).ShouldBe([PausableJob.Retention, PausableJob.Verify]);
        (await Pauses.IsPausedAsync("vacols", PausableJob.Snapshot, CancellationToken.None)).ShouldBeFalse();

        (await Pauses.ResumeAsync("vacols", null, "bob", CancellationToken.None)).Jobs.ShouldBeEmpty();
        (await StoreListing.AllAsync(_s.Store, "control/")).ShouldBeEmpty();
        (await Pauses.ListAsync(CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Pausing_and_resuming_are_audited_and_a_resume_that_changes_nothing_writes_nothing()
    {
        await Pauses.PauseAsync("vacols", [PausableJob.Retention], "why", "alice", CancellationToken.None);
        await Pauses.ResumeAsync("vacols", [PausableJob.Verify], "bob", CancellationToken.None);
        await Pauses.ResumeAsync("vacols", [PausableJob.Retention], "bob", CancellationToken.None);
        await Pauses.ResumeAsync("vacols", null, "bob", CancellationToken.None);

        var log = await AuditLog.AllAsync(_s.Store);
        log.Select(e => $"{e.Phase} {e.Action}").ShouldBe(["intent pause", "done pause", "intent resume", "done resume"]);
        log[0].Detail.ShouldBe("vacols: retention by alice: why");
        log[2].Before.ShouldNotBeNull().ShouldContain("\"job\": \"retention\"");
    }

    [Fact]
    public async Task Pauses_of_several_policies_are_listed_separately()
    {
        await Pauses.PauseAsync("vacols", [PausableJob.Retention], null, "alice", CancellationToken.None);
        await Pauses.PauseAsync("caseflow", [PausableJob.Snapshot], null, "alice", CancellationToken.None);

        (await Pauses.ListAsync(CancellationToken.None)).Select(p => p.Policy).ShouldBe(["caseflow", "vacols"]);
    }

    [Theory]
    [InlineData("retention", new[] { PausableJob.Retention })]
    [InlineData("retention,snapshot", new[] { PausableJob.Retention, PausableJob.Snapshot })]
    [InlineData(" verify , verify ", new[] { PausableJob.Verify })]
    [InlineData("all", new[] { PausableJob.Snapshot, PausableJob.Retention, PausableJob.Verify })]
    public void Job_lists_parse(string text, PausableJob[] expected)
    {
        PausableJobs.ParseList(text).ShouldBe(expected);
    }

    [Fact]
    public async Task Unknown_jobs_and_bad_policy_names_are_refused()
    {
        Should.Throw<OperationInputException>(() => PausableJobs.ParseList("retention,backup")).Message.ShouldStartWith("unknown job 'backup'");
        Should.Throw<OperationInputException>(() => PausableJobs.ParseList(","));
        await Should.ThrowAsync<OperationInputException>(() => Pauses.PauseAsync("../x", [PausableJob.Retention], null, "a", CancellationToken.None));
    }
}
