using Backups.Operations.Control;
using Backups.Service.Scheduling;
using Backups.Service.UseCases;
using Quartz;

namespace Backups.Service.Jobs;

/// <summary><c>verify.&lt;policy&gt;</c>: weekly, re-read the newest snapshot and a random few and check them against their manifests.</summary>
[DisallowConcurrentExecution]
internal sealed class VerifyJob(PolicyRegistry policies, PauseGate pause, PolicyVerification verification) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var policy = context.Policy(policies);
        if (await pause.SkipsAsync(policy, PausableJob.Verify, cancellationToken))
        {
            context.Result = JobOutcome.Skipped;
            return;
        }
        await verification.VerifySampleAsync(policy, cancellationToken);
        context.Result = JobOutcome.Completed;
    }
}
