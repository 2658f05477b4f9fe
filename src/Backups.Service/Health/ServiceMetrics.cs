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
    private readonly Gauge _retentionHeld;
    private readonly Gauge _drillSuccess;
    private readonly Gauge _drillFailed;
    private readonly Histogram _duration;
    private readonly Counter _failures;
    private readonly HashSet<string> _series = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

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
        _retentionHeld = factory.CreateGauge(
            "backups_retention_held", "1 while an edit of the policy's retention is held for review (its retention expires nothing)", ["policy"]);
        _drillSuccess = factory.CreateGauge(
            "backups_restore_drill_last_success_timestamp_seconds", "When the last restore drill into the policy's spare succeeded on this node (Unix time; 0 when never)", ["policy"]);
        _drillFailed = factory.CreateGauge(
            "backups_restore_drill_failed", "1 when the last restore drill into the policy's spare failed on this node", ["policy"]);

        EnsureSeries();
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

    /// <summary>Every series exists for every policy the service runs (a reload may add or remove policies).</summary>
    private void EnsureSeries()
    {
        lock (_gate)
        {
            var current = _policies.All.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var name in current.Where(n => !_series.Contains(n)))
            {
                foreach (var kind in PausableJobs.All)
                {
                    _lastSuccess.WithLabels(name, kind.Name()).Set(0);
                    _duration.WithLabels(name, kind.Name());
                    _failures.WithLabels(name, kind.Name());
                }
                _series.Add(name);
            }
            foreach (var name in _series.Where(n => !current.Contains(n)).ToList())
            {
                foreach (var kind in PausableJobs.All)
                {
                    _lastSuccess.RemoveLabelled(name, kind.Name());
                    _duration.RemoveLabelled(name, kind.Name());
                    _failures.RemoveLabelled(name, kind.Name());
                }
                foreach (var gauge in new[] { _snapshotAge, _snapshotBytes, _snapshotRows, _rpoBreached, _retentionHeld, _drillSuccess, _drillFailed })
                {
                    gauge.RemoveLabelled(name);
                }
                _series.Remove(name);
            }
        }
    }

    private void Refresh()
    {
        EnsureSeries();
        var now = _clock.GetCurrentInstant();
        foreach (var policy in _policies.All)
        {
            var newest = _board.Get(policy.Name).Newest;
            var verdict = RpoVerdict.Evaluate(newest, policy.AllowedAge, _board.StartedAt, now);
            _snapshotAge.WithLabels(policy.Name).Set(newest is null ? double.NaN : (now - newest.Completed).TotalSeconds);
            _snapshotBytes.WithLabels(policy.Name).Set(newest?.Bytes ?? 0);
            _snapshotRows.WithLabels(policy.Name).Set(newest?.Rows ?? 0);
            _rpoBreached.WithLabels(policy.Name).Set(verdict.IsHealthy ? 0 : 1);
            var status = _board.Get(policy.Name);
            _retentionHeld.WithLabels(policy.Name).Set(status.HeldForReview is null ? 0 : 1);
            _drillSuccess.WithLabels(policy.Name).Set(status.LastDrillSuccess is { } success ? success.ToUnixTimeMilliseconds() / 1000.0 : 0);
            _drillFailed.WithLabels(policy.Name).Set(status.LastDrill is { Succeeded: false } ? 1 : 0);
        }
    }
}
