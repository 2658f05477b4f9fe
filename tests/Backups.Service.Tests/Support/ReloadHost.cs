using Backups.Catalog;
using Backups.Domain.Retention;
using Backups.Operations;
using Backups.Operations.Control;
using Backups.Service.Hosting;
using Backups.Service.Jobs;
using Backups.Service.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using Quartz;
using Period = Backups.Domain.Retention.Period;

namespace Backups.Service.Tests.Support;

/// <summary>
/// A running service on a clock the test moves, with one policy <c>app</c> whose file the test edits, six daily
/// snapshots taken earlier, and a way to run its retention job on demand and wait for the outcome.
/// </summary>
internal sealed class ReloadHost : IAsyncDisposable
{
    public static readonly Instant Now = Instant.FromUtc(2030, 1, 10, 12, 30);

    private ReloadHost(TempDirectory directory, FakeTimeProvider time, RunningService service, RecordingObserver observer, CapturingSink sink, IReadOnlyList<string> snapshots)
    {
        Directory = directory;
        Time = time;
        Service = service;
        Observer = observer;
        Sink = sink;
        Snapshots = snapshots;
        Http = new HttpClient { BaseAddress = service.HttpAddress };
    }

    public TempDirectory Directory { get; }

    public FakeTimeProvider Time { get; }

    public RunningService Service { get; }

    public RecordingObserver Observer { get; }

    public CapturingSink Sink { get; }

    public HttpClient Http { get; }

    /// <summary>The six snapshots taken before the service started, oldest first.</summary>
    public IReadOnlyList<string> Snapshots { get; }

    public string PolicyFile => Directory.Combine("policies", "app.yaml");

    public string Store => Directory.Combine("store");

    public string CatalogPath => Directory.Combine("catalog.db");

    /// <summary>The policy file: a yearly schedule (it never fires in a test), the given daily window, generous guards.</summary>
    public static string Policy(TempDirectory directory, string daily, string schedule = "0 0 0 1 1 ?") => $$"""
        name: app
        source: { kind: sqlite, connection: {{directory.Combine("app.db")}} }
        store: {{directory.Combine("store")}}
        schedule: "{{schedule}}"
        timezone: UTC
        retention: { daily: {{daily}} }
        guards: { max-expire-per-run: 100, max-expire-fraction: 0.9 }
        """;

    public static async Task<ReloadHost> StartAsync(TempDirectory directory, string settings = "")
    {
        SqliteDatabase.Create(directory.Combine("app.db"), rows: 5);
        var file = directory.Write("policies/app.yaml", Policy(directory, "14d"));
        var ids = new List<string>();
        for (var day = 5; day >= 0; day--)
        {
            ids.Add(await EarlierSnapshots.TakeAsync(file, directory.Combine("catalog.db"), Now - Duration.FromDays(day)));
        }
        var time = new FakeTimeProvider(Now.ToDateTimeOffset());
        var observer = new RecordingObserver();
        var sink = new CapturingSink();
        var options = TestHosts.Options(directory, directory.Combine("policies"), settings: settings) with
        {
            TimeProvider = time,
            SchedulerTimeProvider = TimeProvider.System,
            LogSink = sink,
            ConfigureServices = s => s.AddSingleton<IJobObserver>(observer),
        };
        var service = await ServiceHost.StartAsync(options, CancellationToken.None);
        return new ReloadHost(directory, time, service, observer, sink, ids);
    }

    /// <summary>Runs the retention job of <c>app</c> now and returns how it ended.</summary>
    public async Task<JobRun> RetentionAsync()
    {
        var before = Observer.Runs.Count(r => r.Kind == PausableJob.Retention);
        var scheduler = await Service.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.TriggerJob(JobKeys.For(PausableJob.Retention, "app"), null, CancellationToken.None);
        await Eventually.WaitUntil(() => Observer.Runs.Count(r => r.Kind == PausableJob.Retention) > before, TimeSpan.FromSeconds(15), "the retention run");
        return Observer.Runs.Where(r => r.Kind == PausableJob.Retention).Last();
    }

    /// <summary>The snapshots in the store now, oldest first.</summary>
    public async Task<List<string>> StoredAsync()
    {
        using var handle = StoreOpener.Open(Store, _ => null);
        return [.. (await CatalogRebuilder.ReadManifestsAsync(handle.Store, CancellationToken.None)).Select(m => m.Id)];
    }

    /// <summary>What the planner expires under <paramref name="daily"/> that the 14-day policy keeps.</summary>
    public List<string> NewlyExpiredUnder(string daily)
    {
        using var catalog = SnapshotCatalog.Open(CatalogPath);
        var refs = catalog.List().Where(e => e.Policy == "app").Select(e => new SnapshotRef(e.Id, e.Completed)).ToList();
        var rules = new RetentionRules([new Tier(Period.Daily, RetentionWindow.Parse(daily))], DateTimeZone.Utc, ExpiryGuards.Default);
        return [.. RetentionPlanner.Plan(refs, rules, Now).Expired.Select(d => d.Snapshot.Id).Order(StringComparer.Ordinal)];
    }

    public async Task<ITrigger?> SnapshotTriggerAsync()
    {
        var scheduler = await Service.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        return await scheduler.GetTrigger(JobKeys.ScheduleOf(PausableJob.Snapshot, "app"));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Service.DisposeAsync();
    }
}
