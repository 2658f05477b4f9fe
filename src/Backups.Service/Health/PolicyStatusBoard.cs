using Backups.Operations.Control;
using Backups.Service.Hosting;
using Backups.Service.Jobs;
using Backups.Service.Scheduling;
using NodaTime;

namespace Backups.Service.Health;

/// <summary>The state of every policy on this node: the last snapshot job's outcome and the newest snapshot known.</summary>
internal sealed class PolicyStatusBoard : IJobObserver
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, PolicyStatus> _status;

    public PolicyStatusBoard(PolicyRegistry policies, ServiceClock clock)
    {
        _status = policies.All.ToDictionary(p => p.Name, _ => PolicyStatus.Empty, StringComparer.Ordinal);
        StartedAt = clock.GetCurrentInstant();
    }

    /// <summary>When the service started: the RPO baseline of a policy that has no snapshot yet.</summary>
    public Instant StartedAt { get; }

    public PolicyStatus Get(string policy)
    {
        lock (_gate)
        {
            return _status.GetValueOrDefault(policy, PolicyStatus.Empty);
        }
    }

    /// <summary>Records a snapshot if it is newer than the one known.</summary>
    public void Saw(string policy, NewestSnapshot snapshot) =>
        Update(policy, s => s.Newest is { } known && known.Completed >= snapshot.Completed ? s : s with { Newest = snapshot });

    /// <summary>Replaces what is known with what the store holds (the source of truth), which may be nothing.</summary>
    public void Replace(string policy, NewestSnapshot? snapshot) => Update(policy, s => s with { Newest = snapshot });

    public void Observe(JobRun run)
    {
        if (run.Kind != PausableJob.Snapshot)
        {
            return;
        }
        var at = Instant.FromDateTimeOffset(run.FinishedAt);
        switch (run.Result)
        {
            case RunResult.Succeeded:
                Update(run.Policy, s => s with { LastSnapshotSuccess = at });
                break;
            case RunResult.Failed:
                Update(run.Policy, s => s with { LastSnapshotFailure = at, LastFailure = run.Error });
                break;
        }
    }

    /// <summary>Records the retention edit held for review (null when none is).</summary>
    public void Reviewed(string policy, HeldTerms? held) => Update(policy, s => s with { HeldForReview = held });

    /// <summary>Records the outcome of the last restore drill.</summary>
    public void Drilled(string policy, RestoreDrillOutcome outcome) => Update(policy, s => s with
    {
        LastDrill = outcome,
        LastDrillSuccess = outcome.Succeeded ? outcome.At : s.LastDrillSuccess,
        LastDrillFailure = outcome.Succeeded ? s.LastDrillFailure : outcome.At,
    });

    private void Update(string policy, Func<PolicyStatus, PolicyStatus> change)
    {
        lock (_gate)
        {
            // A policy added by a reload starts empty.
            _status[policy] = change(_status.GetValueOrDefault(policy, PolicyStatus.Empty));
        }
    }
}
