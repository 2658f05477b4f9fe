using System.Collections;
using Backups.Cli;
using Backups.Cli.Infrastructure;
using NodaTime;
using NodaTime.Testing;

namespace Backups.IntegrationTests.Support;

/// <summary>
/// A scratch directory for one test: a catalog file, a directory store, a temporary directory and policy files,
/// plus an in-process <c>backups</c> whose environment points at them (BACKUPS_CATALOG, BACKUPS_TEMP) and whose clock is fake.
/// </summary>
internal sealed class Workspace : IDisposable
{
    /// <summary>Where the fake clock starts: snapshot ids, manifests and gc ages all read it.</summary>
    public static readonly Instant Start = Instant.FromUtc(2026, 11, 25, 12, 0);

    private readonly Dictionary<string, string?> _environment;

    public Workspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "backups-integration", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(TempDirectory);
        _environment = ProcessEnvironment();
        _environment["BACKUPS_CATALOG"] = CatalogPath;
        _environment["BACKUPS_TEMP"] = TempDirectory;
    }

    public string Root { get; }

    public string CatalogPath => Path.Combine(Root, "catalog.db");

    /// <summary>The directory store (created by the first snapshot).</summary>
    public string StoreDirectory => Path.Combine(Root, "store");

    /// <summary>The directory store as a <c>file:///</c> URL.</summary>
    public string StoreUrl => new Uri(StoreDirectory).AbsoluteUri;

    public string TempDirectory => Path.Combine(Root, "tmp");

    /// <summary>Advances one second per reading, so successive instants differ.</summary>
    public FakeClock Clock { get; } = new(Start, Duration.FromSeconds(1));

    /// <summary>The environment every run sees (the process's, plus the workspace's); tests may override entries.</summary>
    public IDictionary<string, string?> Environment => _environment;

    public string? GetEnvironmentVariable(string name) => _environment.GetValueOrDefault(name);

    /// <summary>Whether the in-process program believes standard error is a terminal (and draws its progress line there).</summary>
    public bool IsTerminal { get; set; }

    /// <summary>Runs <c>backups ARGS</c> in-process with captured output.</summary>
    public async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, new StringReader(""), Clock, new Dictionary<string, string?>(_environment), IsTerminal);
        var code = await CliApp.RunAsync(args, context, CancellationToken.None);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>Runs <c>backups ARGS</c> and asserts it exits with <paramref name="expected"/>.</summary>
    public async Task<CliResult> RunExpectingAsync(int expected, params string[] args)
    {
        var result = await RunAsync(args);
        result.ExitCode.ShouldBe(expected, $"backups {string.Join(' ', args)}\n{result}");
        return result;
    }

    /// <summary>Writes a policy file into the workspace and returns its path.</summary>
    public string WritePolicy(string yaml, string name = "policy.yaml")
    {
        var path = Path.Combine(Root, name);
        File.WriteAllText(path, yaml);
        return path;
    }

    /// <summary>Every file of the directory store below <paramref name="prefix"/>, as store keys, in ordinal order.</summary>
    public IReadOnlyList<string> StoreKeys(string prefix = "")
    {
        if (!Directory.Exists(StoreDirectory))
        {
            return [];
        }

        return Directory.EnumerateFiles(StoreDirectory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(StoreDirectory, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(k => !k.StartsWith(".tmp/", StringComparison.Ordinal) && k.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public string StorePath(string key) => Path.Combine(StoreDirectory, key.Replace('/', Path.DirectorySeparatorChar));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static Dictionary<string, string?> ProcessEnvironment()
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in System.Environment.GetEnvironmentVariables())
        {
            environment[(string)entry.Key] = entry.Value as string;
        }

        return environment;
    }
}
