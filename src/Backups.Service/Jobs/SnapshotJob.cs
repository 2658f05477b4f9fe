using Backups.Operations.Control;
using Backups.Service.Scheduling;
using Backups.Service.UseCases;
using Quartz;

namespace Backups.Service.Jobs;

/// <summary><c>snapshot.&lt;policy&gt;</c>: one snapshot of the policy, on its cron schedule in its time zone.</summary>
[DisallowConcurrentExecution]
internal sealed class SnapshotJob(PolicyRegistry policies, PauseGate pause, PolicySnapshots snapshots) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var policy = context.Policy(policies);
        if (await pause.SkipsAsync(policy, PausableJob.Snapshot, cancellationToken))
        {
            context.Result = JobOutcome.Skipped;
            return;
        }
        await snapshots.TakeAsync(policy, cancellationToken);
        context.Result = JobOutcome.Completed;
    }
}
