using Backups.Operations.Control;
using Backups.Domain.Policies;
using Backups.Domain.Retention;
using Backups.Service.Scheduling;
using Backups.Service.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using Quartz;

namespace Backups.Service.Tests.Scheduling;

/// <summary>
/// After downtime a policy's job runs once, not once per missed firing: an hourly trigger misses five firings while
/// a real scheduler is down, on a clock the test moves.
/// </summary>
public sealed class MisfireTests
{
    private static readonly ScheduledPolicy Hourly = new(
        new Policy(
            "app",
            new SourceSpec(SourceKind.Sqlite, "/tmp/app.db", null, SourceSpec.AllTables, []),
            "/tmp/store",
            "0 0 * * * ?",
            RetentionRules.Default),
        "app.yaml",
        TimeZoneInfo.Utc,
        Duration.FromHours(1),
        Duration.FromHours(2));

    private static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 17, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_trigger_that_missed_five_firings_fires_once_when_the_scheduler_is_back()
    {
        var time = new FakeTimeProvider(Start);
        var trigger = JobDefinitions.Trigger(PausableJob.Snapshot, Hourly, Hourly.Policy.Schedule, time);

        var fired = await FiringsAfterDowntimeAsync(trigger, time);

        fired.ShouldBe(1);
    }

    [Fact]
    public async Task The_same_downtime_with_misfires_ignored_would_have_fired_a_burst()
    {
        // Shows that the test above would catch a trigger that catches up on every missed firing.
        var time = new FakeTimeProvider(Start);
        var trigger = TriggerBuilder.Create(time)
            .WithIdentity(JobKeys.ScheduleOf(PausableJob.Snapshot, "app"))
            .ForJob(JobKeys.For(PausableJob.Snapshot, "app"))
            .WithSchedule(CronScheduleBuilder.Create("0 0 * * * ?").InTimeZone(TimeZoneInfo.Utc).WithMisfireInstruction(CronTriggerMisfireInstruction.IgnoreMisfires))
            .StartAt(Start)
            .Build();

        var fired = await FiringsAfterDowntimeAsync(trigger, time);

        fired.ShouldBe(5);
    }

    /// <summary>Schedules the trigger, lets five hours pass before the scheduler starts, and counts what fires then.</summary>
    private static async Task<int> FiringsAfterDowntimeAsync(ITrigger trigger, FakeTimeProvider time)
    {
        var counter = new FireCounter();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(counter);
        services.AddTransient<CountingJob>();
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s => s.InstanceName = $"misfire-{Guid.NewGuid():N}");
            q.UseTimeProvider(time);
            q.UseInMemoryStore(o => o.MisfireThreshold = TimeSpan.FromMinutes(1));
        });
        await using var provider = services.BuildServiceProvider();
        var scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var job = JobBuilder.Create().OfType<CountingJob>().WithIdentity(trigger.JobKey).StoreDurably(true).Build();
        await scheduler.AddJob(job, AddJobOptions.Replacing);
        await scheduler.ScheduleJob(trigger, default);
        time.Advance(TimeSpan.FromHours(5));
        await scheduler.Start();
        try
        {
            await Eventually.WaitUntil(() => counter.Count >= 1, TimeSpan.FromSeconds(10), "the first firing");
            // The clock stands still now, so anything else that fires is catch-up.
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            return counter.Count;
        }
        finally
        {
            await scheduler.Shutdown(true);
        }
    }
}
