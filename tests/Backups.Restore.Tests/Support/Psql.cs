using System.Diagnostics;
using Npgsql;

namespace Backups.Restore.Tests.Support;

/// <summary>The real <c>psql</c> client, as an operator runs a repair script: <c>psql -X -v ON_ERROR_STOP=1 -f FILE</c>.</summary>
internal static class Psql
{
    public static string Program
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("PG_BIN");
            var candidates = new[] { configured is null ? null : Path.Combine(configured, "psql"), "/usr/lib/postgresql/15/bin/psql" }
                .Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, "psql")));
            return candidates.FirstOrDefault(File.Exists) ?? throw new FileNotFoundException("psql not found (set PG_BIN)");
        }
    }

    /// <summary>Runs the file; returns the exit code and standard output (one command tag per statement, e.g. <c>UPDATE 1</c>).</summary>
    public static async Task<(int ExitCode, string Out, string Error)> RunFileAsync(string connection, string file)
    {
        var settings = new NpgsqlConnectionStringBuilder(connection);
        var start = new ProcessStartInfo(Program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-X", "-v", "ON_ERROR_STOP=1", "-h", settings.Host!, "-p", settings.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", settings.Username!, "-d", settings.Database!, "-f", file })
        {
            start.ArgumentList.Add(argument);
        }

        if (settings.Password is { } password)
        {
            start.Environment["PGPASSWORD"] = password;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    /// <summary>The tags of a repair script's five SET LOCAL statements.</summary>
    public static IReadOnlyList<string> Settings { get; } = ["SET", "SET", "SET", "SET", "SET"];

    /// <summary>The command tags psql printed, one per line (<c>BEGIN</c>, <c>UPDATE 1</c>, <c>COMMIT</c>...).</summary>
    public static IReadOnlyList<string> Tags(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
