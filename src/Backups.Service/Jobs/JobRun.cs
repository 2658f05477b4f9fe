using Backups.Operations.Control;
using Backups.Service.Scheduling;

namespace Backups.Service.Jobs;

/// <summary>One finished execution of a job, as the observers see it.</summary>
/// <param name="Policy">The policy the job is for.</param>
/// <param name="Kind">Which job.</param>
/// <param name="Result">How it ended.</param>
/// <param name="FinishedAt">When it ended, on the service's clock.</param>
/// <param name="Duration">How long it ran.</param>
/// <param name="Trigger">The trigger that fired it: the schedule's (<see cref="JobKeys.ScheduleOf"/>) or an ad-hoc one.</param>
/// <param name="ScheduledFireTime">The fire time it ran for.</param>
/// <param name="InstanceId">The scheduler node that ran it.</param>
/// <param name="Error">Why it failed, for <see cref="RunResult.Failed"/>.</param>
internal sealed record JobRun(
    string Policy,
    PausableJob Kind,
    RunResult Result,
    DateTimeOffset FinishedAt,
    TimeSpan Duration,
    Quartz.TriggerKey Trigger,
    DateTimeOffset? ScheduledFireTime,
    string InstanceId,
    string? Error);
