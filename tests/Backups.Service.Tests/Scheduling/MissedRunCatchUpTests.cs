using Backups.Operations;
using Backups.Operations.Control;
using Backups.Service.Hosting;
using Backups.Service.Jobs;
using Backups.Service.Scheduling;
using Backups.Service.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Serilog.Events;

namespace Backups.Service.Tests.Scheduling;

/// <summary>
/// The in-memory scheduler forgets its triggers when the service stops; the catalog remembers when each job last ran,
/// so a service restarted (on a clock the test moves) after missed firings runs the job once, not once per miss.
/// </summary>
public sealed class MissedRunCatchUpTests : IDisposable
{
    private static readonly DateTimeOffset FirstRun = new(2026, 3, 2, 11, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _directory = new();

    [Theory]
    [InlineData("2026-03-02T11:30:00Z", null)]
    [InlineData("2026-03-02T12:00:00.5Z", null)]
    [InlineData("2026-03-02T12:00:01Z", "2026-03-02T12:00:00Z")]
    [InlineData("2026-03-02T15:17:00Z", "2026-03-02T12:00:00Z")]
    public void The_first_scheduled_time_after_the_last_run_is_missed_once_it_has_passed(string now, string? missed)
    {
        var result = MissedRunCatchUp.Missed("0 0 * * * ?", TimeZoneInfo.Utc, FirstRun, DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        result.ShouldBe(missed is null ? null : DateTimeOffset.Parse(missed, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_restart_after_missed_hours_runs_the_snapshot_once_and_a_restart_without_a_miss_runs_nothing()
    {
        var database = SqliteDatabase.Create(_directory.Combine("app.db"), rows: 10);
        var store = _directory.Combine("store");
        _directory.Write("policies/app.yaml", PolicyYaml.Local("app", database, store, "0 0 * * * ?"));
        var time = new FakeTimeProvider(FirstRun);

        // First life: the 11:00 firing runs, then the service stops.
        var first = new RecordingObserver();
        await using (await StartAsync(time, first, new CapturingSink()))
        {
            await Eventually.WaitUntil(() => Snapshots(first).Count == 1, TimeSpan.FromSeconds(15), "the 11:00 snapshot");
        }
        Snapshots(first).Single().ScheduledFireTime.ShouldBe(FirstRun);

        // Down until 15:17: the 12:00, 13:00, 14:00 and 15:00 firings were missed.
        time.SetUtcNow(FirstRun.AddHours(4).AddMinutes(17));
        var second = new RecordingObserver();
        var sink = new CapturingSink();
        await using (await StartAsync(time, second, sink))
        {
            await Eventually.WaitUntil(() => Snapshots(second).Count >= 1, TimeSpan.FromSeconds(15), "the catch-up snapshot");
            // The clock stands still: anything else that fired now would be a burst.
            await Task.Delay(TimeSpan.FromSeconds(1.5));
        }
        var caughtUp = Snapshots(second).ShouldHaveSingleItem();
        caughtUp.Result.ShouldBe(RunResult.Succeeded);
        caughtUp.Trigger.ShouldBe(JobKeys.CatchUpOf(PausableJob.Snapshot, "app"));
        sink.At(LogEventLevel.Warning, "missed its run").ShouldHaveSingleItem()
            .RenderMessage(System.Globalization.CultureInfo.InvariantCulture).ShouldContain("missed its run at 2026-03-02T12:00:00.0000000+00:00");
        using (var handle = StoreOpener.Open(store, _ => null))
        {
            (await CatalogRebuilder.ReadManifestsAsync(handle.Store, CancellationToken.None)).Count.ShouldBe(2);
        }

        // Third life at 15:40: the catch-up run counts, and 16:00 has not come yet.
        time.SetUtcNow(FirstRun.AddHours(4).AddMinutes(40));
        var third = new RecordingObserver();
        await using (await StartAsync(time, third, new CapturingSink()))
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
        third.Runs.ShouldBeEmpty();
    }

    private static List<JobRun> Snapshots(RecordingObserver observer) => [.. observer.Runs.Where(r => r.Kind == PausableJob.Snapshot)];

    private Task<RunningService> StartAsync(FakeTimeProvider time, RecordingObserver observer, CapturingSink sink) =>
        ServiceHost.StartAsync(
            TestHosts.Options(_directory, _directory.Combine("policies")) with
            {
                TimeProvider = time,
                LogSink = sink,
                ConfigureServices = s => s.AddSingleton<IJobObserver>(observer),
            },
            CancellationToken.None);

    public void Dispose() => _directory.Dispose();
}
