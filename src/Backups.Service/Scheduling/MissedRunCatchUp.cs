using Backups.Operations.Control;
using Backups.Service.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Backups.Service.Scheduling;

/// <summary>
/// Misfire handling for the in-memory scheduler, which forgets everything when the service stops: at start, every job
/// whose next scheduled time after its last recorded run (<see cref="JobRunRecorder"/>) has passed runs once, now, however
/// many times it was missed. A job that never ran with this catalog is not caught up (the RPO alert covers a policy whose
/// snapshots stopped long ago). The clustered PostgreSQL store keeps its triggers and handles misfires itself.
/// </summary>
internal sealed partial class MissedRunCatchUp(
    ServiceConfiguration configuration,
    PolicyRegistry policies,
    CatalogFiles catalogs,
    SchedulerClock clock,
    ILogger<MissedRunCatchUp> log)
{
    public async Task ScheduleAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        var now = clock.Provider.GetUtcNow();
        using var catalog = catalogs.Open();
        foreach (var policy in policies.All)
        {
            foreach (var kind in PausableJobs.All)
            {
                var job = JobKeys.For(kind, policy.Name);
                if (catalog.JobRuns.Last(job.Name)?.Fired is not { } lastRun)
                {
                    continue;
                }
                var cron = JobDefinitions.Cron(kind, policy, configuration.Settings.Maintenance);
                if (Missed(cron, policy.TimeZone, lastRun.ToDateTimeOffset(), now) is not { } missed)
                {
                    continue;
                }
                var trigger = TriggerBuilder.Create(clock.Provider)
                    .WithIdentity(JobKeys.CatchUpOf(kind, policy.Name))
                    .ForJob(job)
                    .WithDescription($"{kind.Name()} of policy {policy.Name}: once, for the run missed at {missed:o}")
                    .StartAt(now)
                    .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
                    .Build();
                await scheduler.ScheduleTrigger(trigger, TriggerConflict.Replace, cancellationToken);
                CatchingUp(kind.Name(), policy.Name, missed, lastRun.ToDateTimeOffset());
            }
        }
    }

    /// <summary>
    /// The first scheduled time after <paramref name="lastRun"/> when it has passed, else null. A time within the last
    /// second is not missed: the schedule's own trigger, which starts now, still fires it.
    /// </summary>
    internal static DateTimeOffset? Missed(string cron, TimeZoneInfo timeZone, DateTimeOffset lastRun, DateTimeOffset now)
    {
        var next = new CronExpression(cron, timeZone).GetNextValidTimeAfter(lastRun);
        return next is { } due && due <= now.AddSeconds(-1) ? due : null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Job} of {Policy} missed its run at {Missed:o} while the service was down (last run for {LastRun:o}): running it once now")]
    private partial void CatchingUp(string job, string policy, DateTimeOffset missed, DateTimeOffset lastRun);
}
