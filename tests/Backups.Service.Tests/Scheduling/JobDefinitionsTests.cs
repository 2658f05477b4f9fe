using Backups.Operations.Control;
using Backups.Domain.Policies;
using Backups.Domain.Retention;
using Backups.Service.Jobs;
using Backups.Service.Scheduling;
using NodaTime;
using Quartz;

namespace Backups.Service.Tests.Scheduling;

public sealed class JobDefinitionsTests
{
    private static ScheduledPolicy Policy(string zone)
    {
        var timeZone = DateTimeZoneProviders.Tzdb[zone];
        PolicyTimeZones.TryToTimeZoneInfo(timeZone, out var info).ShouldBeTrue();
        var policy = new Policy(
            "app",
            new SourceSpec(SourceKind.Sqlite, "/tmp/app.db", null, SourceSpec.AllTables, []),
            "/tmp/store",
            "0 15 * * * ?",
            RetentionRules.Default with { Zone = timeZone });
        return new ScheduledPolicy(policy, "app.yaml", info, Duration.FromHours(1), Duration.FromHours(2));
    }

    [Fact]
    public void Jobs_have_explicit_keys_per_kind_and_policy_and_never_run_twice_at_once()
    {
        foreach (var kind in PausableJobs.All)
        {
            var job = JobDefinitions.Job(kind, "app");

            job.Key.ShouldBe(new JobKey($"{kind.Name()}.app", "backups"));
            job.ConcurrentExecutionDisallowed.ShouldBeTrue();
            job.Durable.ShouldBeTrue();
            job.JobDataMap.GetString(JobKeys.PolicyData).ShouldBe("app");
            job.JobDataMap.GetString(JobKeys.KindData).ShouldBe(kind.Name());
        }
        JobDefinitions.JobType(PausableJob.Snapshot).ShouldBe(typeof(SnapshotJob));
        typeof(SnapshotJob).IsDefined(typeof(DisallowConcurrentExecutionAttribute), false).ShouldBeTrue();
        typeof(RetentionJob).IsDefined(typeof(DisallowConcurrentExecutionAttribute), false).ShouldBeTrue();
        typeof(VerifyJob).IsDefined(typeof(DisallowConcurrentExecutionAttribute), false).ShouldBeTrue();
    }

    [Fact]
    public void The_snapshot_trigger_runs_the_policy_cron_in_the_policy_time_zone_and_fires_once_after_a_misfire()
    {
        var policy = Policy("America/New_York");
        var start = new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.Zero);

        var trigger = (ICronTrigger)JobDefinitions.Trigger(PausableJob.Snapshot, policy, policy.Policy.Schedule, TimeProvider.System, start);

        trigger.Key.ShouldBe(new TriggerKey("snapshot.app", "backups"));
        trigger.JobKey.ShouldBe(new JobKey("snapshot.app", "backups"));
        trigger.CronExpressionString.ShouldBe("0 15 * * * ?");
        trigger.TimeZone.Id.ShouldBe("America/New_York");
        trigger.MisfireInstruction.ShouldBe(CronTriggerMisfireInstruction.FireAndProceed);
        trigger.GetFireTimeAfter(start).ShouldBe(new DateTimeOffset(2026, 7, 1, 12, 15, 0, TimeSpan.Zero));
    }

    [Fact]
    public void The_nightly_retention_runs_at_its_local_time_in_the_policy_zone()
    {
        var policy = Policy("Europe/Paris");
        var start = new DateTimeOffset(2026, 1, 10, 12, 0, 0, TimeSpan.Zero);

        var trigger = JobDefinitions.Trigger(PausableJob.Retention, policy, "0 30 2 * * ?", TimeProvider.System, start);

        // 02:30 in Paris in winter is 01:30 UTC.
        trigger.GetFireTimeAfter(start).ShouldBe(new DateTimeOffset(2026, 1, 11, 1, 30, 0, TimeSpan.Zero));
    }

    [Fact]
    public void An_unchanged_stored_trigger_is_the_same_schedule_and_a_changed_cron_or_zone_is_not()
    {
        var policy = Policy("UTC");
        var wanted = JobDefinitions.Trigger(PausableJob.Snapshot, policy, "0 15 * * * ?", TimeProvider.System);

        JobDefinitions.SameSchedule(JobDefinitions.Trigger(PausableJob.Snapshot, policy, "0 15 * * * ?", TimeProvider.System, DateTimeOffset.UnixEpoch), wanted).ShouldBeTrue();
        JobDefinitions.SameSchedule(JobDefinitions.Trigger(PausableJob.Snapshot, policy, "0 0 * * * ?", TimeProvider.System), wanted).ShouldBeFalse();
        JobDefinitions.SameSchedule(JobDefinitions.Trigger(PausableJob.Snapshot, Policy("Asia/Tokyo"), "0 15 * * * ?", TimeProvider.System), wanted).ShouldBeFalse();
        JobDefinitions.SameSchedule(null, wanted).ShouldBeFalse();
    }

    [Fact]
    public void Policy_zones_map_to_the_systems_time_zones()
    {
        PolicyTimeZones.TryToTimeZoneInfo(DateTimeZone.Utc, out var utc).ShouldBeTrue();
        utc.ShouldBe(TimeZoneInfo.Utc);
        PolicyTimeZones.TryToTimeZoneInfo(DateTimeZoneProviders.Tzdb["Australia/Sydney"], out var sydney).ShouldBeTrue();
        sydney.Id.ShouldBe("Australia/Sydney");
    }
}
