using Backups.Cli;
using Backups.Cli.Infrastructure;
using Backups.Operations;
using Backups.Operations.Control;
using Backups.Service.Hosting;
using Backups.Service.Jobs;
using Backups.Service.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Events;

namespace Backups.Service.Tests.Hosting;

/// <summary>A job whose kind is paused for its policy (in the policy's store, as <c>backups pause</c> does) is skipped with a log line.</summary>
public sealed class PauseTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task A_paused_snapshot_job_is_skipped_until_it_is_resumed()
    {
        var database = SqliteDatabase.Create(_directory.Combine("app.db"), rows: 10);
        var store = _directory.Combine("store");
        _directory.Write("policies/app.yaml", PolicyYaml.Local("app", database, store, "* * * * * ?"));
        using var handle = StoreOpener.Open(store, _ => null);
        var pauses = new PauseState(handle.Store, new ServiceClock(TimeProvider.System));
        await pauses.PauseAsync("app", [PausableJob.Snapshot], "source maintenance", "ops", CancellationToken.None);
        var observer = new RecordingObserver();
        var sink = new CapturingSink();
        var options = TestHosts.Options(_directory, _directory.Combine("policies")) with
        {
            LogSink = sink,
            ConfigureServices = s => s.AddSingleton<IJobObserver>(observer),
        };

        await using var service = await ServiceHost.StartAsync(options, CancellationToken.None);
        await Eventually.WaitUntil(() => observer.Runs.Count(r => r.Result == RunResult.Skipped) >= 2, TimeSpan.FromSeconds(10), "two skipped snapshots");

        observer.Runs.ShouldAllBe(r => r.Kind == PausableJob.Snapshot && r.Result == RunResult.Skipped);
        (await CatalogRebuilder.ReadManifestsAsync(handle.Store, CancellationToken.None)).ShouldBeEmpty();
        sink.At(LogEventLevel.Information, "skipped: paused").Count.ShouldBeGreaterThanOrEqualTo(2);
        sink.Rendered().ShouldContain("\"snapshot\" of \"app\" skipped: paused by \"ops\" (\"source maintenance\")");

        await pauses.ResumeAsync("app", null, "ops", CancellationToken.None);
        await Eventually.WaitUntil(() => observer.Runs.Any(r => r.Result == RunResult.Succeeded), TimeSpan.FromSeconds(10), "a snapshot after resuming");
        (await CatalogRebuilder.ReadManifestsAsync(handle.Store, CancellationToken.None)).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Pausing_retention_from_the_command_line_keeps_snapshots_running()
    {
        var database = SqliteDatabase.Create(_directory.Combine("app.db"), rows: 10);
        var store = _directory.Combine("store");
        _directory.Write("policies/app.yaml", PolicyYaml.Local("app", database, store, "* * * * * ?"));
        var observer = new RecordingObserver();
        var options = TestHosts.Options(_directory, _directory.Combine("policies")) with
        {
            ConfigureServices = s => s.AddSingleton<IJobObserver>(observer),
        };
        await using var service = await ServiceHost.StartAsync(options, CancellationToken.None);
        await Eventually.WaitUntil(() => observer.Runs.Any(r => r.Kind == PausableJob.Retention && r.Result == RunResult.Succeeded), TimeSpan.FromSeconds(15), "a retention run");

        // As an operator would: no --store, the service's catalog knows where the policy's snapshots are.
        var (context, output, errors) = CliContexts.Create(_directory, ("BACKUPS_CATALOG", options.DefaultCatalogPath), ("USER", "ops"));
        var exit = await CliApp.RunAsync(["pause", "app", "--jobs", "retention", "--reason", "incident"], context, CancellationToken.None);
        exit.ShouldBe(ExitCodes.Ok, errors.ToString());
        output.ToString().ShouldContain("paused retention of app in");
        var pausedAt = TimeProvider.System.GetUtcNow();
        using var handle = StoreOpener.Open(store, _ => null);
        var kept = (await CatalogRebuilder.ReadManifestsAsync(handle.Store, CancellationToken.None)).Count;

        await Eventually.WaitUntil(
            () => observer.Runs.Count(r => r.Kind == PausableJob.Snapshot && r.Result == RunResult.Succeeded && Started(r) > pausedAt) >= 3,
            TimeSpan.FromSeconds(15),
            "three snapshots after the pause");

        var afterPause = observer.Runs.Where(r => Started(r) > pausedAt).ToList();
        afterPause.Where(r => r.Kind == PausableJob.Snapshot).ShouldAllBe(r => r.Result == RunResult.Succeeded);
        afterPause.Where(r => r.Kind == PausableJob.Retention).ShouldNotBeEmpty();
        afterPause.Where(r => r.Kind == PausableJob.Retention).ShouldAllBe(r => r.Result == RunResult.Skipped);
        // Without the pause, retention would keep one snapshot per hour; now every snapshot stays.
        (await CatalogRebuilder.ReadManifestsAsync(handle.Store, CancellationToken.None)).Count.ShouldBeGreaterThanOrEqualTo(kept + 3);
    }

    private static DateTimeOffset Started(JobRun run) => run.FinishedAt - run.Duration;

    public void Dispose() => _directory.Dispose();
}
