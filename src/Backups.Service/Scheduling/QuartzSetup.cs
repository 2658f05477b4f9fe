using Backups.Service.Jobs;
using Backups.Service.Settings;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Backups.Service.Scheduling;

/// <summary>Registers Quartz: the in-memory store, or the clustered ADO store on PostgreSQL; the job listener; the hosted service.</summary>
internal static class QuartzSetup
{
    public static void AddScheduler(this IServiceCollection services, SchedulerSettings settings, TimeProvider schedulerTime)
    {
        services.AddSingleton(new SchedulerClock(schedulerTime));
        services.AddTransient<SnapshotJob>();
        services.AddTransient<RetentionJob>();
        services.AddTransient<VerifyJob>();
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = settings.Name;
                if (settings.InstanceId is { } id)
                {
                    s.InstanceId = id;
                }
                else
                {
                    s.GenerateInstanceId = settings.Store == SchedulerStore.Postgres;
                }
                s.ShutdownJobInterruption = ShutdownJobInterruption.Always;
                s.IdleWaitTime = settings.IdleWait;
            });
            q.UseTimeProvider(schedulerTime);
            q.UseDefaultThreadPool(settings.Threads);
            if (settings.Store == SchedulerStore.Postgres)
            {
                q.UsePersistentStore(store =>
                {
                    store.UsePostgres(settings.Connection!);
                    store.UseClustering(c => c.CheckinInterval = settings.CheckinInterval);
                    store.ConfigureStore(o => o.MisfireThreshold = settings.MisfireThreshold);
                });
            }
            else
            {
                q.UseInMemoryStore(o => o.MisfireThreshold = settings.MisfireThreshold);
            }
            q.AddJobListener<JobOutcomeListener>([GroupMatcher<JobKey>.GroupEquals(JobKeys.Group)]);
        });
        services.AddQuartzHostedService(o =>
        {
            // Cancel running jobs on shutdown (they leave nothing partial visible) and wait for them to unwind.
            o.WaitForJobsToComplete = true;
        });
    }
}
