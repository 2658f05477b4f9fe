using Backups.Cli.Tests.Support;

namespace Backups.Cli.Tests.Commands;

public sealed class PolicyCommandTests
{
    private const string Valid = """
        name: demo
        source: { kind: sqlite, connection: demo.db }
        store: /var/lib/backups/demo
        schedule: "0 0 * * * ?"
        retention: { hourly: 3d, daily: 14d }
        """;

    [Fact]
    public async Task Valid_files_exit_zero()
    {
        var file = CliRunner.TempFile(Valid);

        var result = await CliRunner.RunAsync(["policy", "validate", file]);

        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.ShouldContain($"{file}: ok");
    }

    [Fact]
    public async Task Every_error_of_every_file_is_reported_with_file_line_and_column_and_exit_two()
    {
        var good = CliRunner.TempFile(Valid);
        var bad = CliRunner.TempFile(Valid.Replace("daily: 14d", "daily: 0d", StringComparison.Ordinal).Replace("store:", "stor:", StringComparison.Ordinal));

        var result = await CliRunner.RunAsync(["policy", "validate", good, bad]);

        result.ExitCode.ShouldBe(2);
        result.Out.ShouldContain($"{good}: ok");
        result.Error.ShouldContain($"{bad}:3:1: unknown key 'stor'");
        result.Error.ShouldContain($"{bad}:5:");
        result.Error.ShouldContain("1 of 2 policy files are invalid");
    }

    [Fact]
    public async Task Two_files_with_the_same_policy_name_are_refused()
    {
        var first = CliRunner.TempFile(Valid);
        var second = CliRunner.TempFile(Valid);

        var result = await CliRunner.RunAsync(["policy", "validate", first, second]);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("duplicate policy name 'demo'");
    }

    [Fact]
    public async Task A_missing_file_is_an_error()
    {
        var result = await CliRunner.RunAsync(["policy", "validate", "/nonexistent/policy.yaml"]);

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("/nonexistent/policy.yaml");
    }

    [Fact]
    public async Task The_plan_command_takes_tiers_from_a_policy()
    {
        var policy = CliRunner.TempFile(Valid.Replace("retention: { hourly: 3d, daily: 14d }", "retention: { daily: 2d }\ntimezone: America/New_York", StringComparison.Ordinal));
        var snapshots = CliRunner.TempFile("2026-11-02T03:00:00Z\n2026-11-02T01:00:00Z\n2026-10-30T12:00:00Z\n");

        var result = await CliRunner.RunAsync(["plan", "--policy", policy, "--snapshots", snapshots, "--now", "2026-11-02T03:00:00Z", "--json"]);

        result.ExitCode.ShouldBe(0, result.Error);
        result.Out.ShouldContain("\"timezone\": \"America/New_York\"");
        result.Out.ShouldContain("\"daily\": \"2d\"");
        // 03:00Z and 01:00Z are both Nov 1 evening in New York: the older one expires; Oct 30 is outside 2 days.
        result.Out.ShouldContain("\"keep\": 1");
    }
}
