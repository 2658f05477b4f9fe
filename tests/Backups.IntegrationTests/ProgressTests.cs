using Backups.IntegrationTests.Support;
using Backups.TestFixtures.Vacols;

namespace Backups.IntegrationTests;

/// <summary>
/// The progress line is drawn on standard error, so it appears whenever standard error is a terminal, also when
/// standard output is redirected to a file (<c>--json &gt; file</c>), and the JSON stays clean.
/// </summary>
public sealed class ProgressTests
{
    [Fact]
    public async Task With_a_terminal_on_standard_error_the_progress_line_goes_there_and_standard_output_holds_only_the_json()
    {
        using var workspace = new Workspace { IsTerminal = true };
        var policy = LocalPolicy(workspace);

        var result = await workspace.RunExpectingAsync(0, "snapshot", "--policy", policy, "--json");

        result.Error.ShouldContain("\r[");
        result.Error.ShouldContain($"/{VacolsFixture.Tables.Count} tables]");
        result.Out.ShouldNotContain("tables]");
        Json.Parse(result).GetProperty("tables").GetInt32().ShouldBe(VacolsFixture.Tables.Count);
    }

    [Fact]
    public async Task Without_a_terminal_there_is_no_progress_line()
    {
        using var workspace = new Workspace { IsTerminal = false };
        var policy = LocalPolicy(workspace);

        var result = await workspace.RunExpectingAsync(0, "snapshot", "--policy", policy, "--json");

        result.Error.ShouldNotContain("tables]");
        result.Error.ShouldNotContain("\r");
    }

    [PseudoTerminalFact]
    public async Task The_real_program_on_a_terminal_shows_progress_while_its_json_goes_to_a_file()
    {
        using var workspace = new Workspace();
        var policy = LocalPolicy(workspace);
        var jsonFile = Path.Combine(workspace.Root, "snapshot.json");
        var program = string.Join(' ', CliProcess.CommandLine("snapshot", "--policy", policy, "--json").Select(Quote));

        // script(1) gives the program a pseudo-terminal for standard input, output and error; standard output is then
        // redirected to a file, as an operator running `backups snapshot --json > snapshot.json` does.
        using var cli = CliProcess.StartCommand(workspace, [PseudoTerminalFactAttribute.Script, "-qefc", $"{program} > {Quote(jsonFile)}", "/dev/null"]);
        (await cli.WaitForExitAsync(TimeSpan.FromMinutes(2))).ShouldBe(0, cli.Output);

        var terminal = cli.StandardOutput;
        terminal.ShouldContain($"/{VacolsFixture.Tables.Count} tables]", customMessage: cli.Output);
        Json.Parse(new CliResult(0, await File.ReadAllTextAsync(jsonFile), "")).GetProperty("tables").GetInt32().ShouldBe(VacolsFixture.Tables.Count);
    }

    private static string LocalPolicy(Workspace workspace)
    {
        var database = Path.Combine(workspace.Root, "demo.db");
        VacolsFixture.BuildSqlite(database);
        return workspace.WritePolicy(TestPolicies.Local("progress", database, workspace.StoreDirectory));
    }

    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
