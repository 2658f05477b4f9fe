using System.Text.Json;
using Backups.Cli;
using Backups.Cli.Infrastructure;
using Backups.Service.Hosting;
using Backups.Service.Tests.Support;

namespace Backups.Service.Tests.Cli;

/// <summary><c>backups run</c> in this process, the embedded default: in-memory scheduler, SQLite catalog, a local policy.</summary>
public sealed class RunCommandTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task Backups_run_takes_snapshots_on_schedule_that_backups_list_shows_and_stops_cleanly_on_cancel()
    {
        var database = SqliteDatabase.Create(_directory.Combine("app.db"), rows: 50);
        _directory.Write("policies/app.yaml", PolicyYaml.Local("app", database, _directory.Combine("store"), "0/2 * * * * ?"));
        await Pauses.RetentionAsync(_directory.Combine("store"), "app");
        var settings = _directory.Write("service.yaml", "http:\n  listen: 127.0.0.1:0\nlogs:\n  console: false\n  directory: logs\n");
        var catalog = _directory.Combine("catalog.db");
        using var cancel = new CancellationTokenSource();
        var (context, output, errors) = Context();

        var run = CliApp.RunAsync(["run", "--policies", _directory.Combine("policies"), "--settings", settings, "--catalog", catalog], context, cancel.Token);
        await Eventually.WaitUntil(() => run.IsCompleted || ListedSnapshots(catalog) >= 2, TimeSpan.FromSeconds(20), "two snapshots in the catalog");
        cancel.Cancel();
        var exit = await run;

        exit.ShouldBe(ExitCodes.Ok, errors.ToString());
        var (listContext, listOutput, _) = Context();
        (await CliApp.RunAsync(["list", "--catalog", catalog, "--json"], listContext, CancellationToken.None)).ShouldBe(ExitCodes.Ok);
        using var json = JsonDocument.Parse(listOutput.ToString());
        var listed = json.RootElement.EnumerateArray().ToList();
        listed.Count.ShouldBeGreaterThanOrEqualTo(2);
        listed.ShouldAllBe(s => s.GetProperty("policy").GetString() == "app" && s.GetProperty("rows").GetInt64() == 53);
        output.ToString().ShouldBeEmpty();

        // The log: one compact JSON event per line, in a daily file beside the settings file.
        var logFile = Directory.EnumerateFiles(_directory.Combine("logs"), "backups-*.json").Single();
        var events = File.ReadAllLines(logFile).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        events.ShouldAllBe(e => e.EnumerateObject().Any(p => p.Name == "@t") && e.EnumerateObject().Any(p => p.Name == "@mt"));
        events.ShouldContain(e => e.GetProperty("@mt").GetString()!.StartsWith("Snapshot {SnapshotId} of {Policy}", StringComparison.Ordinal)
            && e.GetProperty("Policy").GetString() == "app" && e.GetProperty("Rows").GetInt64() == 53);
    }

    [Fact]
    public async Task Backups_run_with_an_invalid_policy_prints_its_errors_and_exits_with_bad_input()
    {
        var bad = _directory.Write("policies/bad.yaml", "name: Bad Name\n");
        var (context, _, errors) = Context();

        var exit = await CliApp.RunAsync(["run", "--policies", _directory.Combine("policies"), "--settings", _directory.Write("s.yaml", SettingsYaml.Quiet())], context, CancellationToken.None);

        exit.ShouldBe(ExitCodes.BadInput);
        errors.ToString().ShouldContain($"{bad}:1:7: ");
        errors.ToString().ShouldContain("backups: the service did not start");
    }

    [Fact]
    public async Task Backups_run_help_says_that_policies_or_settings_is_required()
    {
        var (context, output, _) = Context();

        var exit = await CliApp.RunAsync(["run", "--help"], context, CancellationToken.None);

        exit.ShouldBe(ExitCodes.Ok);
        var help = output.ToString();
        help.ShouldContain("--policies or --settings (with 'policies:') is required");
        help.ShouldContain("Needs --policies DIR or --settings FILE");
    }

    [Fact]
    public async Task Backups_run_without_policies_or_settings_says_which_is_missing()
    {
        var (context, _, errors) = Context();

        var exit = await CliApp.RunAsync(["run"], context, CancellationToken.None);

        exit.ShouldBe(ExitCodes.BadInput);
        errors.ToString().ShouldContain("no policy directory: give --policies DIR, or 'policies:' in the settings file");
    }

    private static int ListedSnapshots(string catalog)
    {
        if (!File.Exists(catalog))
        {
            return 0;
        }
        using var index = Backups.Catalog.SnapshotCatalog.Open(catalog);
        return index.List().Count;
    }

    private (CliContext Context, StringWriter Out, StringWriter Error) Context()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = new Dictionary<string, string?> { ["HOME"] = _directory.Path };
        return (new CliContext(output, error, TextReader.Null, new ServiceClock(TimeProvider.System), environment, IsTerminal: false), output, error);
    }

    public void Dispose() => _directory.Dispose();
}
