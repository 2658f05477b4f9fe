using Backups.Operations.Control;
using Backups.Service.Scheduling;
using Backups.Service.UseCases;
using Quartz;

namespace Backups.Service.Jobs;

/// <summary><c>retention.&lt;policy&gt;</c>: plan and apply the policy's retention, after every successful snapshot and nightly.</summary>
[DisallowConcurrentExecution]
internal sealed class RetentionJob(PolicyRegistry policies, PauseGate pause, PolicyRetention retention) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var policy = context.Policy(policies);
        if (await pause.SkipsAsync(policy, PausableJob.Retention, cancellationToken))
        {
            context.Result = JobOutcome.Skipped;
            return;
        }
        await retention.ApplyAsync(policy, cancellationToken);
        context.Result = JobOutcome.Completed;
    }
}
