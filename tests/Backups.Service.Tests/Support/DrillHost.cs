using Backups.Operations.Control;
using Backups.Service.Hosting;
using Backups.Service.Jobs;
using Backups.Service.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Backups.Service.Tests.Support;

/// <summary>A running service with one policy <c>app</c> (a SQLite source of 30 + 3 rows) that names a spare, two snapshots taken earlier, and its verify job on demand.</summary>
internal sealed class DrillHost : IAsyncDisposable
{
    private DrillHost(RunningService service, RecordingObserver observer, CapturingSink sink, IReadOnlyList<string> snapshots)
    {
        Service = service;
        Observer = observer;
        Sink = sink;
        Snapshots = snapshots;
        Http = new HttpClient { BaseAddress = service.HttpAddress };
    }

    public RunningService Service { get; }

    public RecordingObserver Observer { get; }

    public CapturingSink Sink { get; }

    public HttpClient Http { get; }

    public IReadOnlyList<string> Snapshots { get; }

    /// <param name="directory">Where everything lives.</param>
    /// <param name="spare">The policy's <c>spare:</c> section, as YAML flow mapping.</param>
    /// <param name="environment">The service's environment (for <c>${VAR}</c> in the spare).</param>
    public static async Task<DrillHost> StartAsync(TempDirectory directory, string spare, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var database = SqliteDatabase.Create(directory.Combine("app.db"), rows: 30);
        var file = directory.Write("policies/app.yaml", $$"""
            name: app
            source: { kind: sqlite, connection: {{database}} }
            store: {{directory.Combine("store")}}
            schedule: "0 0 0 1 1 ?"
            timezone: UTC
            retention: { daily: 14d }
            spare: {{spare}}
            """);
        var options = TestHosts.Options(directory, directory.Combine("policies"), settings: "verify:\n  random: 0\n", environment: environment);
        var ids = new List<string>();
        foreach (var day in new[] { 1, 2 })
        {
            ids.Add(await EarlierSnapshots.TakeAsync(file, options.DefaultCatalogPath, NodaTime.Instant.FromUtc(2026, 1, day, 0, 0), environment));
        }
        var observer = new RecordingObserver();
        var sink = new CapturingSink();
        var service = await ServiceHost.StartAsync(
            options with { LogSink = sink, ConfigureServices = s => s.AddSingleton<IJobObserver>(observer) },
            CancellationToken.None);
        return new DrillHost(service, observer, sink, ids);
    }

    /// <summary>Runs the verify job (and so the drill) now; returns how it ended.</summary>
    public async Task<JobRun> VerifyAsync()
    {
        var before = Observer.Runs.Count(r => r.Kind == PausableJob.Verify);
        var scheduler = await Service.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.TriggerJob(JobKeys.For(PausableJob.Verify, "app"), null, CancellationToken.None);
        await Eventually.WaitUntil(() => Observer.Runs.Count(r => r.Kind == PausableJob.Verify) > before, TimeSpan.FromSeconds(30), "the verify run");
        return Observer.Runs.Last(r => r.Kind == PausableJob.Verify);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Service.DisposeAsync();
    }
}
