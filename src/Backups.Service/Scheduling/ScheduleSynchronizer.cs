using Backups.Operations.Control;
using Backups.Service.Hosting;
using Backups.Service.Settings;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Backups.Service.Scheduling;

/// <summary>
/// Makes the scheduler's jobs and triggers match the policies before the scheduler starts. Idempotent and safe for
/// several cluster nodes starting together: an unchanged trigger is kept (with its next fire time), a missing one is
/// added only if no other node added it meanwhile, a changed one is replaced, and the jobs of a policy that is no
/// longer in the directory are deleted. With the in-memory store it then schedules the runs missed while the service
/// was down (<see cref="MissedRunCatchUp"/>). A reload calls <see cref="SyncAsync"/> again.
/// </summary>
internal sealed partial class ScheduleSynchronizer(
    ISchedulerFactory schedulers,
    ServiceConfiguration configuration,
    PolicyRegistry policies,
    SchedulerClock clock,
    MissedRunCatchUp catchUp,
    ILogger<ScheduleSynchronizer> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await SyncAsync(scheduler, cancellationToken);
        if (configuration.Settings.Scheduler.Store == SchedulerStore.Memory)
        {
            await catchUp.ScheduleAsync(scheduler, cancellationToken);
        }
    }

    /// <summary>Brings the jobs and triggers in line with the policies the service runs now (at start and after a reload).</summary>
    public async Task SyncAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        var wanted = new HashSet<JobKey>();
        foreach (var policy in policies.All)
        {
            foreach (var kind in PausableJobs.All)
            {
                var job = JobDefinitions.Job(kind, policy.Name);
                var cron = JobDefinitions.Cron(kind, policy, configuration.Settings.Maintenance);
                var trigger = JobDefinitions.Trigger(kind, policy, cron, clock.Provider);
                wanted.Add(job.Key);
                await scheduler.AddJob(job, AddJobOptions.Replacing, cancellationToken);
                var stored = await scheduler.GetTrigger(trigger.Key, cancellationToken);
                if (JobDefinitions.SameSchedule(stored, trigger))
                {
                    continue;
                }
                var result = await scheduler.ScheduleTrigger(trigger, stored is null ? TriggerConflict.Keep : TriggerConflict.Replace, cancellationToken);
                Scheduled(trigger.Key.Name, cron, policy.TimeZone.Id, result.NextFireTimeUtc);
            }
        }
        foreach (var key in await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(JobKeys.Group), cancellationToken))
        {
            if (!wanted.Contains(key))
            {
                await scheduler.DeleteJob(key, cancellationToken);
                Removed(key.Name);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled {Trigger}: \"{Cron}\" in {TimeZone}, next at {NextFire:o}")]
    private partial void Scheduled(string trigger, string cron, string timeZone, DateTimeOffset nextFire);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removed job {Job}: its policy is not in the policy directory")]
    private partial void Removed(string job);
}
