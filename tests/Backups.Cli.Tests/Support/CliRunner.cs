using System.Text;
using Backups.Cli;
using Backups.Cli.Infrastructure;
using NodaTime;
using NodaTime.Testing;

namespace Backups.Cli.Tests.Support;

/// <summary>Runs the <c>backups</c> command tree in-process with captured output and a fake clock.</summary>
internal static class CliRunner
{
    public static async Task<CliResult> RunAsync(
        string[] args,
        string? stdin = null,
        Instant? now = null,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(
            output,
            error,
            new StringReader(stdin ?? ""),
            new FakeClock(now ?? Instant.FromUtc(2026, 11, 25, 12, 0)),
            environment ?? new Dictionary<string, string?>(),
            IsTerminal: false);
        var code = await CliApp.RunAsync(args, context, CancellationToken.None);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    public static string TempFile(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"backups-cli-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, content, Encoding.UTF8);
        return path;
    }
}
