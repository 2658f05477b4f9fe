using Backups.Operations;
using Backups.Operations.Control;
using Backups.Service.Hosting;
using Backups.Service.Scheduling;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Backups.Service.Jobs;

/// <summary>
/// Asks the policy's store whether a job is paused (<c>backups pause</c> writes <c>control/pause/&lt;policy&gt;.json</c>
/// there, so every node of a cluster sees the same), and says so in the log when the job is skipped.
/// </summary>
internal sealed partial class PauseGate(ServiceEnvironment environment, IClock clock, ILogger<PauseGate> log)
{
    public async ValueTask<bool> SkipsAsync(ScheduledPolicy policy, PausableJob job, CancellationToken cancellationToken)
    {
        using var handle = StoreOpener.Open(policy.Policy.StoreUrl, environment.Get, policy.Policy.StoreS3);
        var pause = (await new PauseState(handle.Store, clock).GetAsync(policy.Name, cancellationToken)).Find(job);
        if (pause is null)
        {
            return false;
        }
        Skipped(job.Name(), policy.Name, pause.By, pause.Reason ?? "no reason given");
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Job} of {Policy} skipped: paused by {By} ({Reason})")]
    private partial void Skipped(string job, string policy, string by, string reason);
}
