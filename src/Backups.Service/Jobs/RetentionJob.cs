using Backups.Operations.Control;
using Backups.Service.Scheduling;
using Backups.Service.UseCases;
using Quartz;

namespace Backups.Service.Jobs;

/// <summary>
/// <c>retention.&lt;policy&gt;</c>: plan and apply the policy's retention, after every successful snapshot and nightly;
/// skipped while paused, or while an edit of the policy's retention is held for review.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class RetentionJob(PolicyRegistry policies, PauseGate pause, ReviewGate review, PolicyRetention retention) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var policy = context.Policy(policies);
        if (await pause.SkipsAsync(policy, PausableJob.Retention, cancellationToken)
            || !(await review.ReviewAsync(policy, previous: null, cancellationToken)).MayApply)
        {
            context.Result = JobOutcome.Skipped;
            return;
        }
        await retention.ApplyAsync(policy, cancellationToken);
        context.Result = JobOutcome.Completed;
    }
}
