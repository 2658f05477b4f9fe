using System.Text.Json;
using Backups.Cli.Tests.Support;

namespace Backups.Cli.Tests.Commands;

public sealed class PlanCommandTests
{
    private const string DefaultTiers = "hourly=3d,daily=14d,weekly=60d,monthly=180d";

    private const string WorkedExample = """
        # retention.md's worked example
        2026-11-02T00:00:00Z
        2026-11-01T10:30:00Z
        2026-11-01T10:00:00Z

        2026-10-01T00:00:00Z
        2026-05-01T00:00:00Z
        """;

    [Fact]
    public async Task The_worked_example_of_the_contract_plans_exactly_as_documented()
    {
        var file = CliRunner.TempFile(WorkedExample);

        var result = await CliRunner.RunAsync(["plan", "--tiers", DefaultTiers, "--snapshots", file, "--now", "2026-11-02T00:00:00Z", "--json"]);

        result.ExitCode.ShouldBe(0, result.Error);
        using var doc = JsonDocument.Parse(result.Out);
        doc.RootElement.GetProperty("anchor").GetString().ShouldBe("2026-11-02T00:00:00Z");
        var rows = doc.RootElement.GetProperty("snapshots").EnumerateArray()
            .Select(s => (
                Time: s.GetProperty("time").GetString(),
                Keep: s.GetProperty("keep").GetBoolean(),
                Reasons: string.Join(",", s.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()))))
            .ToList();
        rows.ShouldBe(
        [
            ("2026-11-02T00:00:00Z", true, "hourly,daily,weekly,monthly"),
            ("2026-11-01T10:30:00Z", true, "hourly,daily,weekly"),
            ("2026-11-01T10:00:00Z", false, ""),
            ("2026-10-01T00:00:00Z", true, "weekly,monthly"),
            ("2026-05-01T00:00:00Z", false, ""),
        ]);
    }

    [Fact]
    public async Task Ids_after_the_instant_are_kept_and_input_order_is_preserved()
    {
        var file = CliRunner.TempFile("2026-11-01T10:00:00Z   snap-b\n2026-11-02T00:00:00Z snap-a\n");

        var result = await CliRunner.RunAsync(["plan", "--tiers", "daily=14d", "--snapshots", file, "--now", "2026-11-02T00:00:00Z", "--json"]);

        result.ExitCode.ShouldBe(0, result.Error);
        using var doc = JsonDocument.Parse(result.Out);
        doc.RootElement.GetProperty("snapshots").EnumerateArray().Select(s => s.GetProperty("id").GetString())
            .ShouldBe(["snap-b", "snap-a"]);
    }

    [Fact]
    public async Task Times_print_in_utc_with_whole_seconds_unless_the_input_had_fractions()
    {
        var file = CliRunner.TempFile("2026-11-01T05:30:00-05:00\n2026-11-01T10:31:00.250Z\n");

        var result = await CliRunner.RunAsync(["plan", "--tiers", "daily=14d", "--snapshots", file, "--now", "2026-11-02T00:00:00Z", "--json"]);

        using var doc = JsonDocument.Parse(result.Out);
        doc.RootElement.GetProperty("snapshots").EnumerateArray().Select(s => s.GetProperty("time").GetString())
            .ShouldBe(["2026-11-01T10:30:00Z", "2026-11-01T10:31:00.25Z"]);
    }

    [Fact]
    public async Task Snapshots_can_be_read_from_standard_input()
    {
        var result = await CliRunner.RunAsync(
            ["plan", "--tiers", DefaultTiers, "--snapshots", "-", "--now", "2026-11-02T00:00:00Z"],
            stdin: WorkedExample);

        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.ShouldContain("2026-10-01T00:00:00Z  keep    weekly, monthly");
        result.Out.ShouldContain("2026-05-01T00:00:00Z  expire");
        result.Out.ShouldContain("5 snapshots: keep 3, expire 2");
    }

    [Fact]
    public async Task Without_now_the_plan_is_made_as_of_the_clock()
    {
        var file = CliRunner.TempFile("2026-11-24T12:00:00Z\n2026-11-26T00:00:00Z\n");

        var result = await CliRunner.RunAsync(["plan", "--tiers", DefaultTiers, "--snapshots", file, "--json"], now: NodaTime.Instant.FromUtc(2026, 11, 25, 0, 0));

        using var doc = JsonDocument.Parse(result.Out);
        doc.RootElement.GetProperty("anchor").GetString().ShouldBe("2026-11-24T12:00:00Z");
        doc.RootElement.GetProperty("now").GetString().ShouldBe("2026-11-25T00:00:00Z");
    }

    [Fact]
    public async Task An_unreadable_instant_is_reported_with_its_line_number()
    {
        var file = CliRunner.TempFile("2026-11-01T10:00:00Z\n# comment\nyesterday\n2026-13-01T00:00:00Z\n");

        var result = await CliRunner.RunAsync(["plan", "--tiers", DefaultTiers, "--snapshots", file]);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain($"{file}:3: cannot read 'yesterday'");
        result.Error.ShouldContain($"{file}:4: cannot read '2026-13-01T00:00:00Z'");
    }

    [Fact]
    public async Task An_empty_snapshot_list_is_a_clear_error()
    {
        var file = CliRunner.TempFile("# nothing here\n\n");

        var result = await CliRunner.RunAsync(["plan", "--tiers", DefaultTiers, "--snapshots", file]);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("no snapshots");
    }

    [Fact]
    public async Task Unknown_tier_names_are_all_listed()
    {
        var file = CliRunner.TempFile("2026-11-01T10:00:00Z\n");

        var result = await CliRunner.RunAsync(["plan", "--tiers", "hourli=3d,daily=14d,fortnightly=2w", "--snapshots", file]);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("unknown tier 'hourli', 'fortnightly'");
        result.Error.ShouldContain("hourly, daily, weekly, monthly, yearly");
    }

    [Theory]
    [InlineData("daily=0d", "zero")]
    [InlineData("daily=-3d", "negative")]
    [InlineData("daily=3x", "unknown unit")]
    public async Task A_window_that_is_not_positive_or_not_a_duration_is_refused(string tiers, string expected)
    {
        var file = CliRunner.TempFile("2026-11-01T10:00:00Z\n");

        var result = await CliRunner.RunAsync(["plan", "--tiers", tiers, "--snapshots", file]);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain(expected);
    }

    [Fact]
    public async Task An_unknown_time_zone_is_refused()
    {
        var file = CliRunner.TempFile("2026-11-01T10:00:00Z\n");

        var result = await CliRunner.RunAsync(["plan", "--tiers", DefaultTiers, "--snapshots", file, "--timezone", "Mars/Olympus"]);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("unknown time zone 'Mars/Olympus'");
    }

    [Fact]
    public async Task The_time_zone_moves_calendar_buckets()
    {
        // In UTC the first three fall on two days (Nov 1, Oct 31); in New York (UTC-4 until Nov 1 06:00Z)
        // all three are the evening of Oct 31. The fourth, alone in its day, keeps the oldest rule out of the way.
        var file = CliRunner.TempFile("2026-11-01T03:00:00Z\n2026-11-01T01:00:00Z\n2026-10-31T23:00:00Z\n2026-10-29T12:00:00Z\n");
        string[] args = ["plan", "--tiers", "daily=14d", "--snapshots", file, "--now", "2026-11-01T03:00:00Z", "--json"];

        var utc = await CliRunner.RunAsync(args);
        var newYork = await CliRunner.RunAsync([.. args, "--timezone", "America/New_York"]);

        static int Kept(string json) => JsonDocument.Parse(json).RootElement.GetProperty("summary").GetProperty("keep").GetInt32();
        Kept(utc.Out).ShouldBe(3);
        Kept(newYork.Out).ShouldBe(2);
    }

    [Fact]
    public async Task A_missing_snapshots_file_is_named()
    {
        var result = await CliRunner.RunAsync(["plan", "--tiers", DefaultTiers, "--snapshots", "/nonexistent/list.txt"]);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("/nonexistent/list.txt");
    }

    [Fact]
    public async Task Tiers_and_policy_together_are_a_usage_error()
    {
        var file = CliRunner.TempFile("2026-11-01T10:00:00Z\n");

        var result = await CliRunner.RunAsync(["plan", "--snapshots", file]);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("exactly one of --tiers or --policy");
    }
}
