using System.Collections;
using Backups.Cli;
using Backups.Cli.Infrastructure;
using NodaTime;
using NodaTime.Testing;

namespace Backups.Restore.Tests.Support;

/// <summary>
/// A scratch directory for one test (a directory store, a catalog, a temporary directory, policy files) and the
/// <c>backups</c> command run in-process with captured output and a fake clock that the test moves forward.
/// </summary>
internal sealed class Workspace : IDisposable
{
    public static readonly Instant Start = Instant.FromUtc(2026, 11, 25, 12, 0);

    private readonly Dictionary<string, string?> _environment = new(StringComparer.Ordinal);

    public Workspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "backups-restore-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(TempDirectory);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            _environment[(string)entry.Key] = entry.Value as string;
        }

        _environment["BACKUPS_CATALOG"] = Path.Combine(Root, "catalog.db");
        _environment["BACKUPS_TEMP"] = TempDirectory;
    }

    public string Root { get; }

    public string StoreDirectory => Path.Combine(Root, "store");

    public string TempDirectory => Path.Combine(Root, "tmp");

    public FakeClock Clock { get; } = new(Start);

    public async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, new StringReader(""), Clock, new Dictionary<string, string?>(_environment), IsTerminal: false);
        var code = await CliApp.RunAsync(args, context, CancellationToken.None);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    public async Task<CliResult> RunExpectingAsync(int expected, params string[] args)
    {
        var result = await RunAsync(args);
        result.ExitCode.ShouldBe(expected, $"backups {string.Join(' ', args)}\n{result}");
        return result;
    }

    /// <summary>Takes a snapshot of <paramref name="connection"/>'s <paramref name="schema"/> into the store and returns its id.</summary>
    public async Task<string> SnapshotAsync(string connection, string schema, string name = "vacols")
    {
        var policy = Path.Combine(Root, $"{name}.yaml");
        await File.WriteAllTextAsync(policy, $$"""
            name: {{name}}
            source:
              kind: postgres
              connection: ${PG_CONNECTION}
              schema: {{schema}}
            store: {{StoreDirectory}}
            schedule: "0 0 * * * ?"
            timezone: UTC
            retention:
              hourly: 3d
            parallelism: 2
            """);
        var result = await RunExpectingAsync(0, "snapshot", "--policy", policy, "--source", $"postgres:{connection}", "--json");
        using var json = System.Text.Json.JsonDocument.Parse(result.Out);
        return json.RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>Takes a snapshot of the SQLite file at <paramref name="path"/> into the store and returns its id.</summary>
    public async Task<string> SnapshotSqliteAsync(string path, string name = "local")
    {
        var policy = Path.Combine(Root, $"{name}.yaml");
        await File.WriteAllTextAsync(policy, $$"""
            name: {{name}}
            source:
              kind: sqlite
              connection: {{path}}
            store: {{StoreDirectory}}
            schedule: "0 0 * * * ?"
            retention:
              hourly: 3d
            """);
        var result = await RunExpectingAsync(0, "snapshot", "--policy", policy, "--json");
        using var json = System.Text.Json.JsonDocument.Parse(result.Out);
        return json.RootElement.GetProperty("id").GetString()!;
    }

    public string StorePath(string key) => Path.Combine(StoreDirectory, key.Replace('/', Path.DirectorySeparatorChar));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
