using Backups.Domain.Policies;
using Backups.Domain.Retention;
using Backups.Policies.Tests.Support;
using NodaTime;
using Period = Backups.Domain.Retention.Period;

namespace Backups.Policies.Tests;

public class PolicyLoaderTests
{
    [Fact]
    public void A_valid_file_produces_the_policy_it_describes()
    {
        var result = SamplePolicy.Load(SamplePolicy.Text);

        result.Errors.ShouldBeEmpty();
        result.IsValid.ShouldBeTrue();
        result.File.ShouldBe(SamplePolicy.FileName);
        var policy = result.Policy.ShouldNotBeNull();
        policy.Name.ShouldBe("vacols");
        policy.Source.Kind.ShouldBe(SourceKind.Oracle);
        policy.Source.Connection.ShouldBe("${VACOLS_CONNECTION}");
        policy.Source.Schema.ShouldBe("VACOLS");
        policy.Source.Tables.ShouldBe(["*"]);
        policy.Source.Exclude.ShouldBeEmpty();
        policy.StoreUrl.ShouldBe("s3://vacols-backups/vacols");
        policy.Schedule.ShouldBe("0 0 * * * ?");
        policy.Zone.ShouldBe(DateTimeZone.Utc);
        policy.Retention.Zone.ShouldBe(DateTimeZone.Utc);
        policy.Retention.Tiers.ShouldBe(RetentionRules.Default.Tiers);
        policy.Retention.Guards.ShouldBe(new ExpiryGuards(50, 0.5));
        policy.Cold.ShouldBe(new ColdSpec(new RetentionWindow(0, 0, 0, 14, 0), ColdClass.Auto));
        policy.Spare.ShouldBeNull();
        policy.Parallelism.ShouldBe(2);
    }

    [Fact]
    public void Optional_keys_take_their_documented_defaults()
    {
        var policy = SamplePolicy.Load("""
            name: minimal
            source: { kind: sqlite, connection: demo.db }
            store: /var/lib/backups/minimal
            schedule: 0 0 * * * ?
            retention: { daily: 7d }
            """).Policy.ShouldNotBeNull();

        policy.Zone.ShouldBe(DateTimeZone.Utc);
        policy.Source.Schema.ShouldBeNull();
        policy.Source.Tables.ShouldBe(["*"]);
        policy.Source.Exclude.ShouldBeEmpty();
        policy.Retention.Guards.ShouldBe(ExpiryGuards.Default);
        policy.Cold.ShouldBeNull();
        policy.Spare.ShouldBeNull();
        policy.Parallelism.ShouldBe(Policy.DefaultParallelism);
    }

    [Fact]
    public void Every_optional_key_is_read_into_the_model()
    {
        var policy = SamplePolicy.Load("""
            name: app_db-2
            source:
              kind: postgresql
              connection: Host=db;Username=backup;Password=${PG_PASSWORD}
              schema: public
              tables: orders_*
              exclude: [tmp_*, "*_scratch"]
            store: s3://app-backups
            schedule: 0 30 2 ? * MON-FRI
            timezone: America/New_York
            retention: { yearly: 2y, weekly: 8w, hourly: 36h }
            cold: { after: 1m, class: DEEP_ARCHIVE }
            guards: { max-expire-per-run: 7, max-expire-fraction: 0.25 }
            spare: { connection: "${SPARE_CONNECTION}", schema: restore }
            parallelism: 8
            """).Policy.ShouldNotBeNull();

        policy.Name.ShouldBe("app_db-2");
        policy.Source.Kind.ShouldBe(SourceKind.Postgres);
        policy.Source.Connection.ShouldBe("Host=db;Username=backup;Password=${PG_PASSWORD}");
        policy.Source.Schema.ShouldBe("public");
        policy.Source.Tables.ShouldBe(["orders_*"]);
        policy.Source.Exclude.ShouldBe(["tmp_*", "*_scratch"]);
        policy.StoreUrl.ShouldBe("s3://app-backups");
        policy.Schedule.ShouldBe("0 30 2 ? * MON-FRI");
        policy.Zone.Id.ShouldBe("America/New_York");
        policy.Retention.Tiers.ShouldBe(
        [
            new Tier(Period.Hourly, new RetentionWindow(0, 0, 0, 0, 36)),
            new Tier(Period.Weekly, new RetentionWindow(0, 0, 8, 0, 0)),
            new Tier(Period.Yearly, new RetentionWindow(2, 0, 0, 0, 0)),
        ]);
        policy.Retention.Guards.ShouldBe(new ExpiryGuards(7, 0.25));
        policy.Cold.ShouldBe(new ColdSpec(new RetentionWindow(0, 1, 0, 0, 0), ColdClass.DeepArchive));
        policy.Spare.ShouldBe(new SpareSpec(SourceKind.Postgres, "${SPARE_CONNECTION}", "restore"));
        policy.Parallelism.ShouldBe(8);
    }

    [Fact]
    public void Every_error_in_a_file_is_reported_at_once_in_file_order()
    {
        var text = """
            name: VACOLS
            source:
              kind: mysql
              connection: scott/tiger@db:1521/VACOLS
              tabels: ["*"]
            store: s3://Vacols_Backups/vacols
            schedule: "0 0 * * *"
            timezone: Mars/Olympus
            retention:
              hourly: 3x
              daily: 0d
              fortnightly: 14d
            guards:
              max-expire-per-run: 0
            """;

        SamplePolicy.Errors(text).ShouldBe(
        [
            "1:7: bad policy name 'VACOLS' (lowercase letters, digits, '-' and '_', starting with a letter or digit, at most 63 characters)",
            "3:9: unknown source kind 'mysql' (expected postgres, sqlite or oracle)",
            "4:21: literal password in source.connection (an Oracle user/password@host login); reference an environment variable instead, e.g. Password=${DB_PASSWORD}, or write the whole connection as ${DB_CONNECTION}",
            "5:3: unknown key 'tabels' in source (did you mean 'tables'?)",
            "6:8: bad S3 bucket name 'Vacols_Backups': use only lowercase letters, digits, '.' and '-'",
            "7:12: invalid cron '0 0 * * *': expected 6 or 7 fields (second minute hour day-of-month month day-of-week [year]), found 5; Quartz cron starts with seconds, e.g. '0 0 * * * ?' is hourly",
            "8:11: unknown time zone 'Mars/Olympus' (use a tz database id such as UTC or America/New_York)",
            "10:11: retention.hourly: bad duration '3x' (unknown unit 'x'; use h, d, w, m or y)",
            "11:10: retention.daily: duration '0d' is zero (a window must be positive)",
            "12:3: unknown tier 'fortnightly' in retention; tiers are hourly, daily, weekly, monthly, yearly",
            "14:23: 'guards.max-expire-per-run' must be a whole number from 1 to 1000000, found '0'",
        ]);
        SamplePolicy.Load(text).Policy.ShouldBeNull();
    }

    [Fact]
    public void An_error_prints_as_file_line_column_and_message()
    {
        var error = SamplePolicy.Load(SamplePolicy.With("retention:", "retension:")).Errors[^1];

        error.ToString().ShouldBe("policies/sample.yaml:10:1: unknown key 'retension' (did you mean 'retention'?)");
    }

    [Fact]
    public void An_error_about_the_whole_file_prints_without_a_position()
    {
        new PolicyError("a.yaml", 0, 0, "file not found").ToString().ShouldBe("a.yaml: file not found");
    }

    [Fact]
    public void A_file_that_does_not_exist_is_one_error()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-policy-{Guid.NewGuid():N}.yaml");

        var result = PolicyLoader.LoadFile(path);

        result.Policy.ShouldBeNull();
        result.Errors.ShouldBe([new PolicyError(path, 0, 0, "file not found")]);
    }

    [Fact]
    public void A_file_on_disk_loads_like_its_text()
    {
        var path = Path.Combine(Path.GetTempPath(), $"policy-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, SamplePolicy.With("name: vacols", "name: 'on-disk'"));
        try
        {
            var result = PolicyLoader.LoadFile(path);

            result.Errors.ShouldBeEmpty();
            result.File.ShouldBe(path);
            result.Policy.ShouldNotBeNull().Name.ShouldBe("on-disk");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Anchors_and_aliases_reuse_a_value()
    {
        var policy = SamplePolicy.Load(SamplePolicy.With("  daily: 14d", "  daily: &two-weeks 14d").Replace("  after: 14d", "  after: *two-weeks", StringComparison.Ordinal))
            .Policy.ShouldNotBeNull();

        policy.Cold.ShouldNotBeNull().After.ShouldBe(new RetentionWindow(0, 0, 0, 14, 0));
    }
}
