using Backups.Operations;
using Backups.Operations.Control;
using Backups.Service.Hosting;
using Backups.Service.Jobs;
using Backups.Service.Scheduling;
using Backups.Service.Tests.Support;
using Backups.TestFixtures.Postgres;
using Microsoft.Extensions.DependencyInjection;

namespace Backups.Service.Tests.Scheduling;

/// <summary>
/// Two service instances (different instance ids, one process) share Quartz's clustered job store in one fresh
/// PostgreSQL database, creating its tables together at start. A policy snapshots every 2 seconds: every fire time
/// runs exactly once across both, and when one instance stops the other keeps firing.
/// </summary>
public sealed class ClusterTests(PostgresServer postgres) : IClassFixture<PostgresServer>, IDisposable
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(2);
    private readonly TempDirectory _directory = new();

    [PostgresFact]
    public async Task Two_instances_run_every_fire_time_exactly_once_and_one_keeps_firing_when_the_other_stops()
    {
        var database = SqliteDatabase.Create(_directory.Combine("app.db"), rows: 20);
        var store = _directory.Combine("store");
        _directory.Write("policies/app.yaml", PolicyYaml.Local("app", database, store, "0/2 * * * * ?"));
        await Pauses.RetentionAsync(store, "app");
        var connection = await postgres.CreateDatabaseAsync("backups_quartz");
        var environment = new Dictionary<string, string?> { ["QUARTZ_CONNECTION"] = connection };
        var a = new RecordingObserver();
        var b = new RecordingObserver();

        var nodes = await Task.WhenAll(Start("node-a", a), Start("node-b", b));
        await using var nodeA = nodes[0];
        await using var nodeB = nodes[1];
        await Task.Delay(TimeSpan.FromSeconds(9));
        await nodeA.StopAsync();
        var stoppedAt = TimeProvider.System.GetUtcNow();
        await Task.Delay(TimeSpan.FromSeconds(7));
        await nodeB.StopAsync();

        var runs = a.Runs.Concat(b.Runs)
            .Where(r => r.Kind == PausableJob.Snapshot && r.Trigger.Equals(JobKeys.ScheduleOf(PausableJob.Snapshot, "app")))
            .ToList();
        runs.ShouldAllBe(r => r.Result == RunResult.Succeeded);
        a.Runs.ShouldAllBe(r => r.InstanceId == "node-a");
        b.Runs.ShouldAllBe(r => r.InstanceId == "node-b");
        var fireTimes = runs.Select(r => r.ScheduledFireTime!.Value).Order().ToList();
        fireTimes.Distinct().Count().ShouldBe(fireTimes.Count, "a fire time ran twice");
        fireTimes.Count.ShouldBeGreaterThanOrEqualTo(6);
        fireTimes.Zip(fireTimes.Skip(1), (earlier, later) => later - earlier).ShouldAllBe(gap => gap == Every, "a fire time was skipped");
        b.Runs.Count(r => r.Kind == PausableJob.Snapshot && r.ScheduledFireTime > stoppedAt).ShouldBeGreaterThanOrEqualTo(2);
        // One firing, one snapshot (retention is paused): nothing ran twice against the store either.
        using var handle = StoreOpener.Open(store, _ => null);
        (await CatalogRebuilder.ReadManifestsAsync(handle.Store, CancellationToken.None)).Count.ShouldBe(runs.Count);

        async Task<RunningService> Start(string instance, RecordingObserver observer)
        {
            var options = TestHosts.Options(_directory, _directory.Combine("policies"), name: instance, environment: environment, settings: $"""
                scheduler:
                  store: postgres
                  connection: ${"{"}QUARTZ_CONNECTION{"}"}
                  instance-id: {instance}
                  create-schema: true
                  checkin-interval: 2s
                  idle-wait: 1s
                """) with
            {
                DefaultCatalogPath = _directory.Combine($"{instance}.db"),
                ConfigureServices = s => s.AddSingleton<IJobObserver>(observer),
            };
            return await ServiceHost.StartAsync(options, CancellationToken.None);
        }
    }

    public void Dispose() => _directory.Dispose();
}
