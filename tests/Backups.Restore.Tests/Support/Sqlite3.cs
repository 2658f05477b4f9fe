using System.Diagnostics;

namespace Backups.Restore.Tests.Support;

/// <summary>The real <c>sqlite3</c> client, as an operator runs a repair script: <c>sqlite3 -bail DATABASE &lt; FILE</c>.</summary>
internal static class Sqlite3
{
    public const string Program = "/usr/bin/sqlite3";

    public static async Task<(int ExitCode, string Out, string Error)> RunFileAsync(string database, string file)
    {
        var start = new ProcessStartInfo(Program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-bail");
        start.ArgumentList.Add(database);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(await File.ReadAllTextAsync(file));
        process.StandardInput.Close();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
