using System.Net;
using Backups.Service.Settings;
using Serilog.Events;

namespace Backups.Service.Tests.Settings;

public sealed class ServiceSettingsLoaderTests
{
    private static readonly Dictionary<string, string?> Environment = new() { ["QUARTZ_PASSWORD"] = "s3cret" };

    private static SettingsLoadResult Load(string yaml) => ServiceSettingsLoader.Load(yaml, "service.yaml", "/etc/backups", Environment);

    [Fact]
    public void A_full_settings_file_is_read_with_paths_relative_to_its_directory()
    {
        var result = Load("""
            policies: policies
            catalog: /var/lib/backups/catalog.db
            http:
              listen: 0.0.0.0:9500
            scheduler:
              store: postgres
              connection: Host=db;Username=quartz;Password=${QUARTZ_PASSWORD}
              instance-id: node-a
              create-schema: true
              misfire-threshold: 30s
              checkin-interval: 5s
              idle-wait: 3s
              threads: 8
            logs:
              directory: logs
              level: debug
              console: false
              retained-files: 7
            rpo:
              stale-factor: 1.5
              check-every: 30s
            retention:
              nightly: "0 0 1 * * ?"
              stale-factor: 4
              garbage-grace: 2d
              review-delay: 90m
            verify:
              weekly: "0 0 5 ? * MON"
              random: 4
            """);

        result.Errors.ShouldBeEmpty();
        var s = result.Settings!;
        s.PoliciesDirectory.ShouldBe("/etc/backups/policies");
        s.CatalogPath.ShouldBe("/var/lib/backups/catalog.db");
        s.Listen.ShouldBe(new HttpListen(IPAddress.Any, 9500));
        s.Scheduler.ShouldBe(new SchedulerSettings
        {
            Store = SchedulerStore.Postgres,
            Connection = "Host=db;Username=quartz;Password=s3cret",
            InstanceId = "node-a",
            CreateSchema = true,
            MisfireThreshold = TimeSpan.FromSeconds(30),
            CheckinInterval = TimeSpan.FromSeconds(5),
            IdleWait = TimeSpan.FromSeconds(3),
            Threads = 8,
        });
        s.Logs.ShouldBe(new LogSettings { Directory = "/etc/backups/logs", Level = LogEventLevel.Debug, Console = false, RetainedFiles = 7 });
        s.Rpo.ShouldBe(new RpoSettings { StaleFactor = 1.5, CheckEvery = TimeSpan.FromSeconds(30) });
        s.Maintenance.ShouldBe(new MaintenanceSettings
        {
            RetentionCron = "0 0 1 * * ?",
            RetentionStaleFactor = 4,
            GarbageGrace = TimeSpan.FromDays(2),
            ReviewDelay = TimeSpan.FromMinutes(90),
            VerifyCron = "0 0 5 ? * MON",
            VerifyRandom = 4,
        });
    }

    [Fact]
    public void A_review_delay_of_never_holds_edits_until_accepted_and_a_bad_one_is_an_error()
    {
        var never = Load("retention:\n  review-delay: never\n");
        var bad = Load("retention:\n  review-delay: soon\n");

        never.Errors.ShouldBeEmpty();
        never.Settings!.Maintenance.ReviewDelay.ShouldBeNull();
        new MaintenanceSettings().ReviewDelay.ShouldBe(TimeSpan.FromHours(24));
        bad.Errors.ShouldHaveSingleItem().ToString().ShouldContain("service.yaml:2:17: 'retention.review-delay': 'soon' is not a duration");
    }

    [Fact]
    public void An_empty_file_means_the_defaults_a_loopback_listener_and_the_in_memory_scheduler()
    {
        var result = Load("");

        result.Errors.ShouldBeEmpty();
        result.Settings.ShouldBe(new ServiceSettings());
        result.Settings!.Listen.ToString().ShouldBe("127.0.0.1:9464");
        result.Settings.Scheduler.Store.ShouldBe(SchedulerStore.Memory);
    }

    [Fact]
    public void Every_error_is_reported_at_once_with_its_line_and_column()
    {
        var result = Load("""
            policies: policies
            http:
              listen: nowhere
            scheduler:
              store: postgres
              connection: Host=db;Password=${MISSING_PASSWORD}
              threads: 0
            logs:
              level: chatty
            rpo:
              stale-factor: 0.5
              check-every: soon
            verify:
              weekly: "every sunday"
            colour: blue
            """);

        result.Settings.ShouldBeNull();
        result.Errors.Select(e => e.ToString()).ShouldBe(
        [
            "service.yaml:3:11: 'http.listen': 'nowhere' is not ADDRESS:PORT (e.g. 127.0.0.1:9464)",
            "service.yaml:6:15: scheduler.connection: environment variable MISSING_PASSWORD is not set",
            "service.yaml:7:12: 'scheduler.threads' must be a whole number from 1 to 64",
            "service.yaml:9:10: 'logs.level' must be one of: verbose, debug, information, warning, error",
            "service.yaml:11:17: 'rpo.stale-factor' must be a number from 1 to 1000",
            "service.yaml:12:16: 'rpo.check-every': 'soon' is not a duration (e.g. 500ms, 30s, 5m, 2h, 1d)",
            "service.yaml:14:11: 'verify.weekly': 'every sunday' is not a Quartz cron expression (seconds first, e.g. \"0 30 2 * * ?\" for 02:30 every day)",
            "service.yaml:15:1: unknown key 'colour' (expected one of: policies, catalog, http, scheduler, logs, rpo, retention, verify)",
        ]);
    }

    [Fact]
    public void A_postgres_store_without_a_connection_is_an_error_and_memory_with_one_is_too()
    {
        Load("scheduler:\n  store: postgres\n").Errors.Single().ToString()
            .ShouldBe("service.yaml:2:3: 'store: postgres' needs 'connection' (an Npgsql connection string; keep the password in ${VAR})");
        Load("scheduler:\n  connection: Host=db\n").Errors.Single().ToString()
            .ShouldBe("service.yaml:2:15: 'scheduler.connection' is only used with 'store: postgres'");
    }

    [Fact]
    public void Broken_yaml_is_one_error_at_the_place_it_breaks()
    {
        var error = Load("http:\n  listen: [127.0.0.1\n").Errors.Single();

        error.File.ShouldBe("service.yaml");
        error.Line.ShouldBeGreaterThan(0);
        error.Message.ShouldStartWith("not valid YAML");
    }

    [Fact]
    public void A_missing_settings_file_is_one_error_naming_it()
    {
        var result = ServiceSettingsLoader.LoadFile("/nonexistent/service.yaml", Environment);

        result.Errors.Single().ToString().ShouldBe("/nonexistent/service.yaml: settings file not found");
    }
}
