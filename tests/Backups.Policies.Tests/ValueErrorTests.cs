using Backups.Policies.Tests.Support;

namespace Backups.Policies.Tests;

/// <summary>Errors in values. Positions refer to <see cref="SamplePolicy"/>'s lines.</summary>
public class ValueErrorTests
{
    [Theory]
    [InlineData("Vacols")]
    [InlineData("-vacols")]
    [InlineData("vacols.prod")]
    [InlineData("a234567890123456789012345678901234567890123456789012345678901234")]
    public void A_bad_policy_name_is_an_error(string name)
    {
        SamplePolicy.Error(SamplePolicy.With("name: vacols", $"name: {name}"))
            .ShouldBe($"1:7: bad policy name '{name}' (lowercase letters, digits, '-' and '_', starting with a letter or digit, at most 63 characters)");
    }

    [Fact]
    public void A_bad_duration_uses_the_window_parser_message()
    {
        SamplePolicy.Error(SamplePolicy.With("  hourly: 3d", "  hourly: 3 days"))
            .ShouldBe("11:11: retention.hourly: bad duration '3 days' (unknown unit ' '; use h, d, w, m or y)");
    }

    [Fact]
    public void A_number_without_a_unit_is_a_bad_duration()
    {
        SamplePolicy.Error(SamplePolicy.With("  weekly: 60d", "  weekly: 60"))
            .ShouldBe("13:11: retention.weekly: bad duration '60' (expected <number><unit> terms with units h, d, w, m, y, e.g. 14d or 1y2m)");
    }

    [Fact]
    public void A_zero_window_is_an_error()
    {
        SamplePolicy.Error(SamplePolicy.With("  daily: 14d", "  daily: 0d"))
            .ShouldBe("12:10: retention.daily: duration '0d' is zero (a window must be positive)");
    }

    [Fact]
    public void A_negative_window_is_an_error()
    {
        SamplePolicy.Error(SamplePolicy.With("  monthly: 180d", "  monthly: -6m"))
            .ShouldBe("14:12: retention.monthly: negative duration '-6m' (a window must be positive)");
    }

    [Fact]
    public void A_tier_without_a_window_is_an_error()
    {
        SamplePolicy.Error(SamplePolicy.With("  hourly: 3d", "  hourly:"))
            .ShouldBe("11:3: 'retention.hourly' has no value (expected a duration such as 14d)");
    }

    [Fact]
    public void An_unknown_tier_names_the_nearest_and_lists_the_valid_ones()
    {
        SamplePolicy.Error(SamplePolicy.With("  hourly: 3d", "  hourli: 3d"))
            .ShouldBe("11:3: unknown tier 'hourli' in retention (did you mean 'hourly'?); tiers are hourly, daily, weekly, monthly, yearly");
    }

    [Fact]
    public void Retention_without_tiers_is_an_error()
    {
        SamplePolicy.Error(SamplePolicy.With("retention:\n  hourly: 3d\n  daily: 14d\n  weekly: 60d\n  monthly: 180d", "retention: {}"))
            .ShouldBe("10:12: 'retention' has no tiers; add at least one, e.g. daily: 14d");
    }

    [Fact]
    public void An_unknown_time_zone_names_the_nearest_zone()
    {
        SamplePolicy.Error(SamplePolicy.With("timezone: UTC", "timezone: Europe/Londn"))
            .ShouldBe("9:11: unknown time zone 'Europe/Londn' (did you mean 'Europe/London'?) (use a tz database id such as UTC or America/New_York)");
    }

    [Fact]
    public void Time_zone_ids_are_case_sensitive_and_the_hint_shows_the_right_case()
    {
        SamplePolicy.Error(SamplePolicy.With("timezone: UTC", "timezone: utc"))
            .ShouldBe("9:11: unknown time zone 'utc' (did you mean 'UTC'?) (use a tz database id such as UTC or America/New_York)");
    }

    [Fact]
    public void A_cron_with_five_fields_explains_that_quartz_starts_with_seconds()
    {
        SamplePolicy.Error(SamplePolicy.With("\"0 0 * * * ?\"", "\"0 * * * *\""))
            .ShouldBe("8:12: invalid cron '0 * * * *': expected 6 or 7 fields (second minute hour day-of-month month day-of-week [year]), found 5; Quartz cron starts with seconds, e.g. '0 0 * * * ?' is hourly");
    }

    [Fact]
    public void A_cron_value_out_of_range_is_reported_at_its_field()
    {
        SamplePolicy.Error(SamplePolicy.With("\"0 0 * * * ?\"", "\"0 0 25 * * ?\""))
            .ShouldBe("8:16: invalid cron '0 0 25 * * ?': hour 25 is out of range 0-23");
    }

    [Fact]
    public void A_cron_without_a_question_mark_in_a_day_field_is_an_error()
    {
        SamplePolicy.Error(SamplePolicy.With("\"0 0 * * * ?\"", "0 0 * * * *"))
            .ShouldBe("8:21: invalid cron '0 0 * * * *': put '?' in day-of-month or day-of-week (Quartz needs exactly one, e.g. '0 0 * * * ?')");
    }

    [Fact]
    public void An_unknown_source_kind_is_an_error()
    {
        SamplePolicy.Error(SamplePolicy.With("  kind: oracle", "  kind: mysql"))
            .ShouldBe("3:9: unknown source kind 'mysql' (expected postgres, sqlite or oracle)");
    }

    [Fact]
    public void A_misspelt_source_kind_names_the_nearest()
    {
        SamplePolicy.Error(SamplePolicy.With("  kind: oracle", "  kind: postgre"))
            .ShouldBe("3:9: unknown source kind 'postgre' (did you mean 'postgres'?) (expected postgres, sqlite or oracle)");
    }

    [Theory]
    [InlineData("s3://Vacols-Backups/vacols", "bad S3 bucket name 'Vacols-Backups': use only lowercase letters, digits, '.' and '-'")]
    [InlineData("s3://vb/vacols", "bad S3 bucket name 'vb': must be 3 to 63 characters long")]
    [InlineData("s3://", "s3 store has no bucket (write s3://bucket/prefix)")]
    [InlineData("s3://vacols-backups//vacols", "S3 prefix '/vacols' has an empty path segment ('//')")]
    [InlineData("gs://vacols-backups/vacols", "unknown store scheme 'gs://' (use s3://bucket/prefix, file:///absolute/path or a plain path)")]
    [InlineData("s3:/vacols-backups", "'s3:/' is not a store scheme: write s3:// with two slashes")]
    [InlineData("S3://vacols-backups", "write the store scheme in lower case: 's3://'")]
    [InlineData("file://backups/vacols", "file URLs need an absolute path with three slashes, e.g. file:///var/lib/backups (a host such as file://backups/ is not supported)")]
    public void A_bad_store_is_an_error(string store, string message)
    {
        SamplePolicy.Error(SamplePolicy.With("store: s3://vacols-backups/vacols", $"store: {store}"))
            .ShouldBe($"7:8: {message}");
    }

    [Theory]
    [InlineData("0", "'guards.max-expire-per-run' must be a whole number from 1 to 1000000, found '0'")]
    [InlineData("-5", "'guards.max-expire-per-run' must be a whole number from 1 to 1000000, found '-5'")]
    [InlineData("fifty", "'guards.max-expire-per-run' must be a whole number from 1 to 1000000, found 'fifty'")]
    [InlineData("2.5", "'guards.max-expire-per-run' must be a whole number from 1 to 1000000, found '2.5'")]
    public void Max_expire_per_run_must_be_a_positive_whole_number(string value, string message)
    {
        SamplePolicy.Error(SamplePolicy.With("max-expire-per-run: 50", $"max-expire-per-run: {value}"))
            .ShouldBe($"19:23: {message}");
    }

    [Fact]
    public void Max_expire_fraction_must_be_above_zero_and_at_most_one()
    {
        SamplePolicy.Error(SamplePolicy.Text + "  max-expire-fraction: 1.5\n")
            .ShouldBe("20:24: 'guards.max-expire-fraction' must be a number greater than 0 and at most 1, found '1.5'");
    }

    [Fact]
    public void Parallelism_must_be_between_one_and_sixty_four()
    {
        SamplePolicy.Error(SamplePolicy.Text + "parallelism: 0\n")
            .ShouldBe("20:14: 'parallelism' must be a whole number from 1 to 64, found '0'");
    }

    [Fact]
    public void An_unknown_cold_class_names_the_nearest()
    {
        SamplePolicy.Error(SamplePolicy.With("  class: auto", "  class: glacer"))
            .ShouldBe("17:10: unknown cold class 'glacer' (did you mean 'glacier'?) (expected auto, glacier-ir, glacier or deep-archive)");
    }

    [Fact]
    public void A_bad_cold_after_window_is_an_error()
    {
        SamplePolicy.Error(SamplePolicy.With("  after: 14d", "  after: 0w"))
            .ShouldBe("16:10: cold.after: duration '0w' is zero (a window must be positive)");
    }

    [Fact]
    public void Cold_storage_needs_an_s3_store()
    {
        SamplePolicy.Error(SamplePolicy.With("store: s3://vacols-backups/vacols", "store: /var/lib/backups/vacols"))
            .ShouldBe("15:1: 'cold' needs an s3:// store (cold classes are S3 storage classes), but the store is '/var/lib/backups/vacols'; remove 'cold' for this store");
    }

    [Fact]
    public void A_sqlite_source_has_no_schema_but_main()
    {
        SamplePolicy.Error(SamplePolicy.With("  kind: oracle", "  kind: sqlite"))
            .ShouldBe("5:11: a SQLite source has only the schema 'main', not 'VACOLS'; remove 'source.schema'");
    }

    [Fact]
    public void An_empty_table_list_is_an_error()
    {
        SamplePolicy.Error(SamplePolicy.With("  tables: [\"*\"]", "  tables: []"))
            .ShouldBe("6:3: 'source.tables' is empty, so nothing would be backed up; omit it to back up every table");
    }

    [Fact]
    public void An_empty_table_pattern_is_an_error()
    {
        SamplePolicy.Error(SamplePolicy.With("  tables: [\"*\"]", "  tables: [\"BRIEFF\", \"\"]"))
            .ShouldBe("6:22: empty entry in 'source.tables'");
    }

    [Fact]
    public void A_spare_that_is_the_source_is_an_error()
    {
        SamplePolicy.Error(SamplePolicy.Text + "spare: { connection: \"${VACOLS_CONNECTION}\" }\n")
            .ShouldBe("20:22: 'spare.connection' is the same as 'source.connection'; restores must never write to the source");
    }
}
