using NodaTime;

namespace Backups.Cli.Infrastructure;

/// <summary>What every command may use from the outside world: output streams, the clock, the environment.</summary>
/// <param name="IsTerminal">Whether <paramref name="Error"/> is a terminal: the progress line is drawn there (and only then).</param>
internal sealed record CliContext(
    TextWriter Out,
    TextWriter Error,
    TextReader In,
    IClock Clock,
    IReadOnlyDictionary<string, string?> Environment,
    bool IsTerminal)
{
    public string? GetEnvironmentVariable(string name) => Environment.GetValueOrDefault(name);
}
