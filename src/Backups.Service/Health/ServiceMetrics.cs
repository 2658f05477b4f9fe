using Backups.Operations.Control;
using Backups.Service.Hosting;
using Backups.Service.Jobs;
using Backups.Service.Scheduling;
using NodaTime;
using Prometheus;

namespace Backups.Service.Health;

/// <summary>
/// The Prometheus series of /metrics, in a registry of this host's own. Every series exists for every policy from
/// the start (a failure counter at 0 is information); snapshot ages are computed at scrape time.
/// </summary>
internal sealed class ServiceMetrics : IJobObserver
{
    private static readonly double[] DurationBuckets = [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200, 14400];

    private readonly PolicyRegistry _policies;
    private readonly PolicyStatusBoard _board;
    private readonly ServiceClock _clock;
    private readonly Gauge _lastSuccess;
    private readonly Gauge _snapshotAge;
    private readonly Gauge _snapshotBytes;
    private readonly Gauge _snapshotRows;
    private readonly Gauge _rpoBreached;
    private readonly Histogram _duration;
    private readonly Counter _failures;

    public ServiceMetrics(PolicyRegistry policies, PolicyStatusBoard board, ServiceClock clock)
    {
        _policies = policies;
        _board = board;
        _clock = clock;
        Registry = Metrics.NewCustomRegistry();
        var factory = Metrics.WithCustomRegistry(Registry);
        _lastSuccess = factory.CreateGauge(
            "backups_last_success_timestamp_seconds", "When the job last succeeded (Unix time; 0 when never on this node)", ["policy", "job"]);
        _snapshotAge = factory.CreateGauge(
            "backups_snapshot_age_seconds", "Age of the newest complete snapshot (NaN when there is none)", ["policy"]);
        _snapshotBytes = factory.CreateGauge("backups_snapshot_bytes", "Size of the newest complete snapshot", ["policy"]);
        _snapshotRows = factory.CreateGauge("backups_snapshot_rows", "Rows in the newest complete snapshot", ["policy"]);
        _rpoBreached = factory.CreateGauge(
            "backups_rpo_breached", "1 when the newest snapshot is older than the schedule allows (interval x stale factor)", ["policy"]);
        _duration = factory.CreateHistogram(
            "backups_job_duration_seconds", "How long jobs ran", ["policy", "job"], new HistogramConfiguration { Buckets = DurationBuckets });
        _failures = factory.CreateCounter("backups_job_failures_total", "Jobs that failed", ["policy", "job"]);

        foreach (var policy in policies.All)
        {
            foreach (var kind in PausableJobs.All)
            {
                _lastSuccess.WithLabels(policy.Name, kind.Name()).Set(0);
                _duration.WithLabels(policy.Name, kind.Name());
                _failures.WithLabels(policy.Name, kind.Name());
            }
        }
        Registry.AddBeforeCollectCallback(Refresh);
    }

    public CollectorRegistry Registry { get; }

    public Task WriteAsync(Stream output, CancellationToken cancellationToken) =>
        Registry.CollectAndExportAsTextAsync(output, cancellationToken);

    public void Observe(JobRun run)
    {
        switch (run.Result)
        {
            case RunResult.Succeeded:
                _lastSuccess.WithLabels(run.Policy, run.Kind.Name()).Set(run.FinishedAt.ToUnixTimeMilliseconds() / 1000.0);
                _duration.WithLabels(run.Policy, run.Kind.Name()).Observe(run.Duration.TotalSeconds);
                break;
            case RunResult.Failed:
                _failures.WithLabels(run.Policy, run.Kind.Name()).Inc();
                _duration.WithLabels(run.Policy, run.Kind.Name()).Observe(run.Duration.TotalSeconds);
                break;
        }
    }

    private void Refresh()
    {
        var now = _clock.GetCurrentInstant();
        foreach (var policy in _policies.All)
        {
            var newest = _board.Get(policy.Name).Newest;
            var verdict = RpoVerdict.Evaluate(newest, policy.AllowedAge, _board.StartedAt, now);
            _snapshotAge.WithLabels(policy.Name).Set(newest is null ? double.NaN : (now - newest.Completed).TotalSeconds);
            _snapshotBytes.WithLabels(policy.Name).Set(newest?.Bytes ?? 0);
            _snapshotRows.WithLabels(policy.Name).Set(newest?.Rows ?? 0);
            _rpoBreached.WithLabels(policy.Name).Set(verdict.IsHealthy ? 0 : 1);
        }
    }
}
