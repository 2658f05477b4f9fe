using Backups.Catalog;
using Backups.Operations;
using Backups.Operations.Control;
using Backups.Service.Hosting;
using Backups.Service.Jobs;
using Backups.Service.Scheduling;
using Backups.Service.Tests.Support;
using Backups.TestFixtures.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Backups.Service.Tests.Scheduling;

/// <summary>
/// Two service instances (different instance ids, one process) share Quartz's clustered job store in one fresh
/// PostgreSQL database, creating its tables together at start. A policy snapshots every 2 seconds: every fire time
/// runs exactly once across both, and when one instance stops the other keeps firing. A node killed in its own process
/// (no shutdown, no last check-in) has its work recovered by the other, which goes on with the schedule.
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
        // A snapshot still running when its node stops is cancelled (and leaves no snapshot); every other one succeeded.
        runs.ShouldAllBe(r => r.Result == RunResult.Succeeded || r.Result == RunResult.Cancelled);
        runs.Count(r => r.Result == RunResult.Cancelled).ShouldBeLessThanOrEqualTo(2, "only a run cut short by a stop is cancelled");
        a.Runs.ShouldAllBe(r => r.InstanceId == "node-a");
        b.Runs.ShouldAllBe(r => r.InstanceId == "node-b");
        var fireTimes = runs.Select(r => r.ScheduledFireTime!.Value).Order().ToList();
        fireTimes.Distinct().Count().ShouldBe(fireTimes.Count, "a fire time ran twice");
        fireTimes.Count.ShouldBeGreaterThanOrEqualTo(6);
        fireTimes.Zip(fireTimes.Skip(1), (earlier, later) => later - earlier).ShouldAllBe(gap => gap == Every, "a fire time was skipped");
        b.Runs.Count(r => r.Kind == PausableJob.Snapshot && r.ScheduledFireTime > stoppedAt).ShouldBeGreaterThanOrEqualTo(2);
        // One firing, one snapshot (retention is paused): nothing ran twice against the store either.
        using var handle = StoreOpener.Open(store, _ => null);
        var manifests = await CatalogRebuilder.ReadManifestsAsync(handle.Store, CancellationToken.None);
        manifests.Count.ShouldBe(runs.Count(r => r.Result == RunResult.Succeeded), string.Join(Environment.NewLine,
            runs.OrderBy(r => r.ScheduledFireTime).Select(r => $"run {r.ScheduledFireTime:o} on {r.InstanceId}: {r.Result}, finished {r.FinishedAt:o}")
                .Concat(manifests.Select(m => $"manifest {m.Id} {m.StartedAt} .. {m.CompletedAt}"))));

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

    [PostgresFact]
    public async Task A_node_killed_without_stopping_has_its_work_taken_over_and_each_snapshot_is_followed_by_one_retention_run()
    {
        var database = SqliteDatabase.Create(_directory.Combine("app.db"), rows: 20);
        var store = _directory.Combine("store");
        _directory.Write("policies/app.yaml", PolicyYaml.Local("app", database, store, "0/2 * * * * ?"));
        var connection = await postgres.CreateDatabaseAsync("backups_quartz");
        var environment = new Dictionary<string, string?> { ["QUARTZ_CONNECTION"] = connection };
        var logs = _directory.Combine("node-a-logs");
        var settings = _directory.Write("node-a.yaml", $"http:\n  listen: 127.0.0.1:0\nlogs:\n  console: false\n  directory: {logs}\n{Scheduler("node-a")}");
        var processEnvironment = new Dictionary<string, string?>(environment) { ["HOME"] = _directory.Path };

        // Node A in a process of its own, so that it can be killed; node B in this one.
        using var nodeA = ServiceProcess.Start(
            _directory.Path, processEnvironment, "run", "--settings", settings, "--policies", _directory.Combine("policies"), "--catalog", _directory.Combine("node-a.db"));
        await Eventually.WaitUntil(() => nodeA.HasExited || Runs(logs, "snapshot").Count >= 1, TimeSpan.FromSeconds(60), "node A's first snapshot");
        nodeA.HasExited.ShouldBeFalse(nodeA.Output);
        var b = new RecordingObserver();
        await using var nodeB = await ServiceHost.StartAsync(
            TestHosts.Options(_directory, _directory.Combine("policies"), name: "node-b", environment: environment, settings: Scheduler("node-b")) with
            {
                DefaultCatalogPath = _directory.Combine("node-b.db"),
                ConfigureServices = s => s.AddSingleton<IJobObserver>(b),
            },
            CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(6));

        await nodeA.KillAsync();
        var killedAt = TimeProvider.System.GetUtcNow();
        await Eventually.WaitUntil(
            () => Scheduled(b).Count(t => t > killedAt) >= 3,
            TimeSpan.FromSeconds(60),
            "node B firing the schedule after node A died");
        // Node B noticed the missed check-ins and recovered what node A held: its state and fired triggers are gone.
        await Eventually.WaitUntil(() => Rows(connection, "SELECT instance_name FROM qrtz_scheduler_state").SequenceEqual(["node-b"]), TimeSpan.FromSeconds(60), "node A's recovery");
        Rows(connection, "SELECT entry_id FROM qrtz_fired_triggers WHERE instance_name = 'node-a'").ShouldBeEmpty();
        await nodeB.StopAsync();

        var byA = Runs(logs, "snapshot");
        var byB = Scheduled(b);
        byA.Count.ShouldBeGreaterThanOrEqualTo(1);
        byA.Concat(byB).Distinct().Count().ShouldBe(byA.Count + byB.Count, "a fire time ran on both nodes");
        var afterKill = byB.Where(t => t > killedAt).Order().ToList();
        afterKill.TakeLast(3).Zip(afterKill.TakeLast(3).Skip(1), (earlier, later) => later - earlier).ShouldAllBe(gap => gap == Every);

        // Retention follows each successful snapshot once, on whichever node takes it, never twice over one snapshot.
        var retentionsByA = Runs(logs, "retention");
        var retentionsByB = b.Runs.Where(r => r.Kind == PausableJob.Retention && r.Result == RunResult.Succeeded).Select(r => r.ScheduledFireTime!.Value).ToList();
        var snapshots = byA.Count + b.Runs.Count(r => r.Kind == PausableJob.Snapshot && r.Result == RunResult.Succeeded);
        var retentions = retentionsByA.Count + retentionsByB.Count;
        retentionsByA.Concat(retentionsByB).Distinct().Count().ShouldBe(retentions, "one retention trigger ran on both nodes");
        retentions.ShouldBeInRange(snapshots - 2, snapshots);
        b.Runs.Where(r => r.Kind == PausableJob.Retention).ShouldAllBe(r => r.Result == RunResult.Succeeded);
        using var handle = StoreOpener.Open(store, _ => null);
        var expiries = new List<AuditEntry>();
        await foreach (var entry in AuditLogReader.ReadAsync(handle.Store, null, CancellationToken.None))
        {
            if (entry.Action == AuditActions.Expire)
            {
                expiries.Add(entry);
            }
        }
        expiries.ShouldNotBeEmpty();
        expiries.GroupBy(e => (e.SnapshotId, e.Phase)).ShouldAllBe(g => g.Count() == 1, "a snapshot was expired twice");
    }

    private static List<string> Rows(string connection, string sql)
    {
        using var db = new NpgsqlConnection(connection);
        db.Open();
        using var command = new NpgsqlCommand(sql, db);
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.GetString(0));
        }
        return rows;
    }

    private static string Scheduler(string instance) => $"""
        scheduler:
          store: postgres
          connection: ${"{"}QUARTZ_CONNECTION{"}"}
          instance-id: {instance}
          create-schema: true
          checkin-interval: 2s
          idle-wait: 1s
        """;

    /// <summary>The fire times node B ran the snapshot schedule for, successfully.</summary>
    private static List<DateTimeOffset> Scheduled(RecordingObserver observer) =>
        [.. observer.Runs
            .Where(r => r.Kind == PausableJob.Snapshot && r.Result == RunResult.Succeeded && r.Trigger.Equals(JobKeys.ScheduleOf(PausableJob.Snapshot, "app")))
            .Select(r => r.ScheduledFireTime!.Value)];

    /// <summary>The fire times of the jobs of one kind a node in another process logged as succeeded.</summary>
    private static List<DateTimeOffset> Runs(string logs, string job) =>
        [.. ServiceProcess.LogEvents(logs)
            .Where(e => e.GetProperty("@mt").GetString()!.StartsWith("{Job} of {Policy} succeeded", StringComparison.Ordinal)
                && e.GetProperty("Job").GetString() == job)
            .Select(e => DateTimeOffset.Parse(e.GetProperty("FireTime").GetString()!, System.Globalization.CultureInfo.InvariantCulture))];

    public void Dispose() => _directory.Dispose();
}
