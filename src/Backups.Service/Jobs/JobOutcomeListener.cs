using Backups.Operations.Control;
using Backups.Service.Hosting;
using Backups.Service.Scheduling;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Backups.Service.Jobs;

/// <summary>
/// Sees every job of the service finish: logs it, tells the <see cref="IJobObserver"/>s (health, metrics), and
/// after a successful snapshot triggers the policy's retention job, which any node of a cluster may then run.
/// </summary>
internal sealed partial class JobOutcomeListener(IEnumerable<IJobObserver> observers, ServiceClock clock, ILogger<JobOutcomeListener> log) : IJobListener
{
    private readonly IJobObserver[] _observers = [.. observers];

    public string Name => nameof(JobOutcomeListener);

    public async ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken)
    {
        var data = context.JobDetail.JobDataMap;
        if (data.GetString(JobKeys.PolicyData) is not { } policy || !PausableJobs.TryParse(data.GetString(JobKeys.KindData), out var kind))
        {
            return;
        }
        var error = Unwrap(jobException);
        var result = error switch
        {
            // Quartz reports a job that ended with OperationCanceledException (the scheduler shutting down) as executed
            // without an exception: only a job that says it completed has succeeded.
            null => context.Result switch
            {
                JobOutcome.Completed => RunResult.Succeeded,
                JobOutcome.Skipped => RunResult.Skipped,
                _ => RunResult.Cancelled,
            },
            OperationCanceledException => RunResult.Cancelled,
            _ => RunResult.Failed,
        };
        var run = new JobRun(
            policy,
            kind,
            result,
            clock.Provider.GetUtcNow(),
            context.JobRunTime,
            context.Trigger.Key,
            context.ScheduledFireTimeUtc,
            context.Scheduler.SchedulerInstanceId,
            result == RunResult.Failed ? error?.Message : null);

        switch (result)
        {
            case RunResult.Succeeded:
                Succeeded(kind.Name(), policy, run.Duration.TotalSeconds, run.ScheduledFireTime ?? run.FinishedAt - run.Duration, run.InstanceId);
                break;
            case RunResult.Failed:
                Failed(error, kind.Name(), policy, run.Duration.TotalSeconds, run.Error);
                break;
            case RunResult.Cancelled:
                Cancelled(kind.Name(), policy);
                break;
        }
        foreach (var observer in _observers)
        {
            observer.Observe(run);
        }

        if (kind == PausableJob.Snapshot && result == RunResult.Succeeded)
        {
            try
            {
                await context.Scheduler.TriggerJob(JobKeys.For(PausableJob.Retention, policy), null, cancellationToken);
            }
            catch (SchedulerException e)
            {
                RetentionNotTriggered(e, policy);
            }
        }
    }

    /// <summary>What the job itself threw, from inside Quartz's wrappers.</summary>
    private static Exception? Unwrap(Exception? exception)
    {
        while (exception is SchedulerException { InnerException: { } inner })
        {
            exception = inner;
        }
        return exception;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Job} of {Policy} succeeded in {Seconds:0.0}s (fired for {FireTime:o} on {Instance})")]
    private partial void Succeeded(string job, string policy, double seconds, DateTimeOffset fireTime, string instance);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Job} of {Policy} failed after {Seconds:0.0}s: {Reason}")]
    private partial void Failed(Exception? exception, string job, string policy, double seconds, string? reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Job} of {Policy} was cancelled by the shutdown; nothing partial is visible")]
    private partial void Cancelled(string job, string policy);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention of {Policy} could not be triggered after its snapshot; the nightly run will apply it")]
    private partial void RetentionNotTriggered(Exception exception, string policy);
}
