using Backups.Operations.Control;
using Backups.Service.Hosting;
using Backups.Service.Jobs;
using Backups.Service.Scheduling;
using Backups.Service.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Backups.Service.Tests.Scheduling;

/// <summary>
/// What a run is recorded as, on a real scheduler. Quartz hands a job that ended with OperationCanceledException (a
/// snapshot cut short by the service stopping) to the listeners as if it had returned normally: such a run must be
/// recorded as cancelled, never as a success (a success moves "last success", the RPO check and retention on).
/// </summary>
public sealed class JobOutcomeTests
{
    [Fact]
    public async Task A_job_ended_by_cancellation_is_recorded_as_cancelled_and_a_completed_one_as_succeeded()
    {
        var observer = new RecordingObserver();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IJobObserver>(observer);
        services.AddSingleton(new ServiceClock(TimeProvider.System));
        services.AddTransient<CancelledJob>();
        services.AddTransient<CompletedJob>();
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = $"outcome-{Guid.NewGuid():N}";
                s.ShutdownJobInterruption = ShutdownJobInterruption.Always;
            });
            q.UseInMemoryStore();
            q.AddJobListener<JobOutcomeListener>(GroupMatcher<JobKey>.GroupEquals(JobKeys.Group));
        });
        await using var provider = services.BuildServiceProvider();
        var scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.AddJob(Job<CancelledJob>("cancelled", PausableJob.Verify), AddJobOptions.Replacing);
        await scheduler.AddJob(Job<CompletedJob>("completed", PausableJob.Verify), AddJobOptions.Replacing);
        await scheduler.Start();
        try
        {
            await scheduler.TriggerJob(JobKeys.For(PausableJob.Verify, "completed"));
            await Eventually.WaitUntil(() => observer.Runs.Count == 1, TimeSpan.FromSeconds(20), "the completed run");
            await scheduler.TriggerJob(JobKeys.For(PausableJob.Verify, "cancelled"));
            await Eventually.WaitUntil(() => CancelledJob.Started.Task.IsCompleted, TimeSpan.FromSeconds(20), "the long run to start");
        }
        finally
        {
            // As the service stops: running jobs are interrupted (their token cancelled) and waited for.
            await scheduler.Shutdown(waitForJobsToComplete: true);
        }

        observer.Runs.Count.ShouldBe(2);

        observer.Runs.Single(r => r.Policy == "cancelled").Result.ShouldBe(RunResult.Cancelled);
        observer.Runs.Single(r => r.Policy == "completed").Result.ShouldBe(RunResult.Succeeded);
    }

    private static IJobDetail Job<T>(string policy, PausableJob kind)
        where T : IJob =>
        JobBuilder.Create().OfType<T>()
            .WithIdentity(JobKeys.For(kind, policy))
            .UsingJobData(JobKeys.PolicyData, policy)
            .UsingJobData(JobKeys.KindData, kind.Name())
            .StoreDurably(true)
            .Build();

    private sealed class CancelledJob : IJob
    {
        public static TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
        {
            Started.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            context.Result = JobOutcome.Completed;
        }
    }

    private sealed class CompletedJob : IJob
    {
        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
        {
            context.Result = JobOutcome.Completed;
            return ValueTask.CompletedTask;
        }
    }
}
