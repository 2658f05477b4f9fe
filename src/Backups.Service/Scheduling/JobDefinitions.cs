using Backups.Operations.Control;
using Backups.Service.Jobs;
using Backups.Service.Settings;
using Quartz;

namespace Backups.Service.Scheduling;

/// <summary>
/// The jobs and schedule triggers of a policy. Every trigger is a cron trigger in the policy's time zone whose
/// misfire instruction is "fire once now, then proceed": after downtime a job runs once, never a burst.
/// </summary>
internal static class JobDefinitions
{
    public static Type JobType(PausableJob kind) => kind switch
    {
        PausableJob.Snapshot => typeof(SnapshotJob),
        PausableJob.Retention => typeof(RetentionJob),
        PausableJob.Verify => typeof(VerifyJob),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The cron expression a job runs on: the policy's schedule for snapshots, the settings' for the others.</summary>
    public static string Cron(PausableJob kind, ScheduledPolicy policy, MaintenanceSettings maintenance) => kind switch
    {
        PausableJob.Snapshot => policy.Policy.Schedule,
        PausableJob.Retention => maintenance.RetentionCron,
        PausableJob.Verify => maintenance.VerifyCron,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static IJobDetail Job(PausableJob kind, string policy) =>
        JobBuilder.Create()
            .OfType(JobType(kind))
            .WithIdentity(JobKeys.For(kind, policy))
            .WithDescription($"{kind.Name()} of policy {policy}")
            .DisallowConcurrentExecution(true)
            // Durable: retention is also triggered ad hoc after each snapshot.
            .StoreDurably(true)
            .UsingJobData(JobKeys.PolicyData, policy)
            .UsingJobData(JobKeys.KindData, kind.Name())
            .Build();

    /// <summary>The schedule trigger of a policy's job; <paramref name="startAt"/> defaults to now.</summary>
    public static ITrigger Trigger(PausableJob kind, ScheduledPolicy policy, string cron, TimeProvider time, DateTimeOffset? startAt = null) =>
        TriggerBuilder.Create(time)
            .WithIdentity(JobKeys.ScheduleOf(kind, policy.Name))
            .ForJob(JobKeys.For(kind, policy.Name))
            .WithDescription($"{kind.Name()} of policy {policy.Name}: \"{cron}\" in {policy.TimeZone.Id}")
            .WithSchedule(CronScheduleBuilder.Create(cron)
                .InTimeZone(policy.TimeZone)
                .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .StartAt(startAt ?? time.GetUtcNow())
            .Build();

    /// <summary>Whether a stored trigger already schedules what <paramref name="wanted"/> does (then it is kept, with its next fire time).</summary>
    public static bool SameSchedule(ITrigger? stored, ITrigger wanted) =>
        stored is ICronTrigger s && wanted is ICronTrigger w
        && s.JobKey.Equals(w.JobKey)
        && string.Equals(s.CronExpressionString, w.CronExpressionString, StringComparison.Ordinal)
        && string.Equals(s.TimeZone.Id, w.TimeZone.Id, StringComparison.Ordinal)
        && s.MisfireInstruction == w.MisfireInstruction;
}
