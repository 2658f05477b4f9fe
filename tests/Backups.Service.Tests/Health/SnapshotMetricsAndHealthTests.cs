using System.Net;
using System.Text.Json;
using Backups.Operations;
using Backups.Operations.Control;
using Backups.Service.Jobs;
using Backups.Service.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Backups.Service.Tests.Health;

/// <summary>
/// A host snapshots a SQLite database every second; the retention job follows each snapshot; /metrics and /health
/// then show what happened.
/// </summary>
public sealed class SnapshotMetricsAndHealthTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task Snapshots_run_on_schedule_retention_follows_and_metrics_and_health_show_them()
    {
        var database = SqliteDatabase.Create(_directory.Combine("app.db"), rows: 100);
        var store = _directory.Combine("store");
        _directory.Write("policies/app.yaml", PolicyYaml.Local("app", database, store, "* * * * * ?"));
        var observer = new RecordingObserver();
        var options = TestHosts.Options(_directory, _directory.Combine("policies"), settings: "rpo:\n  stale-factor: 30\n") with
        {
            ConfigureServices = s => s.AddSingleton<IJobObserver>(observer),
        };

        await using var service = await ServiceHost.StartAsync(options, CancellationToken.None);
        await Eventually.WaitUntil(
            () => observer.Runs.Any(r => r.Kind == PausableJob.Retention && r.Result == RunResult.Succeeded),
            TimeSpan.FromSeconds(15),
            "a snapshot followed by its retention");

        var snapshots = observer.Runs.Where(r => r.Kind == PausableJob.Snapshot).ToList();
        snapshots.ShouldAllBe(r => r.Result == RunResult.Succeeded);
        using var handle = StoreOpener.Open(store, _ => null);
        (await CatalogRebuilder.ReadManifestsAsync(handle.Store, CancellationToken.None)).Count.ShouldBeGreaterThanOrEqualTo(1);

        using var http = new HttpClient { BaseAddress = service.HttpAddress };
        var metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        metrics.ShouldContain("backups_snapshot_rows{policy=\"app\"} 103\n");
        Value(metrics, "backups_snapshot_bytes{policy=\"app\"}").ShouldBeGreaterThan(0);
        Value(metrics, "backups_snapshot_age_seconds{policy=\"app\"}").ShouldBeInRange(0, 30);
        Value(metrics, "backups_last_success_timestamp_seconds{policy=\"app\",job=\"snapshot\"}")
            .ShouldBeGreaterThan(TimeProvider.System.GetUtcNow().AddMinutes(-1).ToUnixTimeSeconds());
        Value(metrics, "backups_last_success_timestamp_seconds{policy=\"app\",job=\"retention\"}").ShouldBeGreaterThan(0);
        Value(metrics, "backups_last_success_timestamp_seconds{policy=\"app\",job=\"verify\"}").ShouldBe(0);
        Value(metrics, "backups_job_duration_seconds_count{policy=\"app\",job=\"snapshot\"}").ShouldBeGreaterThanOrEqualTo(1);
        metrics.ShouldContain("backups_job_duration_seconds_bucket{policy=\"app\",job=\"snapshot\",le=\"+Inf\"}");
        Value(metrics, "backups_job_failures_total{policy=\"app\",job=\"snapshot\"}").ShouldBe(0);
        Value(metrics, "backups_rpo_breached{policy=\"app\"}").ShouldBe(0);

        var health = await http.GetAsync(new Uri("/health", UriKind.Relative));
        health.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
        var policy = json.RootElement.GetProperty("policies")[0];
        policy.GetProperty("name").GetString().ShouldBe("app");
        policy.GetProperty("lastSnapshotSuccess").GetString().ShouldNotBeNull();
        policy.GetProperty("newestSnapshot").GetProperty("rows").GetInt64().ShouldBe(103);
        policy.GetProperty("rpo").GetProperty("status").GetString().ShouldBe("ok");
        policy.GetProperty("rpo").GetProperty("allowedSeconds").GetDouble().ShouldBe(30);
    }

    /// <summary>The value of one series in Prometheus text.</summary>
    private static double Value(string metrics, string series)
    {
        var line = metrics.Split('\n').SingleOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal))
            ?? throw new ShouldAssertException($"no series {series} in:\n{metrics}");
        return double.Parse(line[(series.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose() => _directory.Dispose();
}
