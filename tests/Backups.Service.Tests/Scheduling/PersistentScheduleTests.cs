using Backups.Operations.Control;
using Backups.Service.Hosting;
using Backups.Service.Scheduling;
using Backups.Service.Tests.Support;
using Backups.TestFixtures.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Backups.Service.Tests.Scheduling;

/// <summary>With the PostgreSQL store the schedule outlives the service: a restart brings it in line with the policy directory.</summary>
public sealed class PersistentScheduleTests(PostgresServer postgres) : IClassFixture<PostgresServer>, IDisposable
{
    private readonly TempDirectory _directory = new();

    [PostgresFact]
    public async Task A_restart_keeps_unchanged_triggers_replaces_changed_ones_and_removes_the_jobs_of_deleted_policies()
    {
        var database = SqliteDatabase.Create(_directory.Combine("app.db"), rows: 1);
        var environment = new Dictionary<string, string?> { ["QUARTZ_CONNECTION"] = await postgres.CreateDatabaseAsync("backups_schedule") };
        var settings = "scheduler:\n  store: postgres\n  connection: ${QUARTZ_CONNECTION}\n  instance-id: only\n  create-schema: true\n";
        var options = TestHosts.Options(_directory, _directory.Combine("policies"), settings: settings, environment: environment);
        _directory.Write("policies/app.yaml", PolicyYaml.Local("app", database, _directory.Combine("store"), "0 0 * * * ?"));
        _directory.Write("policies/old.yaml", PolicyYaml.Local("old", database, _directory.Combine("store"), "0 0 3 * * ?"));
        _directory.Write("policies/same.yaml", PolicyYaml.Local("same", database, _directory.Combine("store"), "0 0 4 * * ?", "Europe/Paris"));

        ITrigger sameBefore;
        await using (var first = await ServiceHost.StartAsync(options, CancellationToken.None))
        {
            sameBefore = (await TriggerAsync(first, "same"))!;
        }
        File.Delete(_directory.Combine("policies/old.yaml"));
        _directory.Write("policies/app.yaml", PolicyYaml.Local("app", database, _directory.Combine("store"), "0 30 * * * ?"));
        await using var second = await ServiceHost.StartAsync(options, CancellationToken.None);

        ((ICronTrigger)(await TriggerAsync(second, "app"))!).CronExpressionString.ShouldBe("0 30 * * * ?");
        (await TriggerAsync(second, "same"))!.StartTimeUtc.ShouldBe(sameBefore.StartTimeUtc);
        (await TriggerAsync(second, "old")).ShouldBeNull();
        var scheduler = await second.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        (await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(JobKeys.Group))).ShouldNotContain(k => k.Name.EndsWith(".old", StringComparison.Ordinal));
    }

    [PostgresFact]
    public async Task A_clustered_store_without_its_tables_refuses_to_start_and_says_so()
    {
        var database = SqliteDatabase.Create(_directory.Combine("app.db"), rows: 1);
        _directory.Write("policies/app.yaml", PolicyYaml.Local("app", database, _directory.Combine("store"), "0 0 * * * ?"));
        var environment = new Dictionary<string, string?> { ["QUARTZ_CONNECTION"] = await postgres.CreateDatabaseAsync("backups_empty") };
        var settings = "scheduler:\n  store: postgres\n  connection: ${QUARTZ_CONNECTION}\n";

        var error = await Should.ThrowAsync<ServiceStartupException>(() =>
            ServiceHost.StartAsync(TestHosts.Options(_directory, _directory.Combine("policies"), settings: settings, environment: environment), CancellationToken.None));

        error.Errors.Single().ShouldStartWith("the scheduler cannot start: ");
        error.Errors.Single().ShouldContain("qrtz_", Case.Insensitive);
    }

    private static async Task<ITrigger?> TriggerAsync(RunningService service, string policy)
    {
        var scheduler = await service.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        return await scheduler.GetTrigger(JobKeys.ScheduleOf(PausableJob.Snapshot, policy));
    }

    public void Dispose() => _directory.Dispose();
}
