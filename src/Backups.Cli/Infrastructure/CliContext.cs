using NodaTime;

namespace Backups.Cli.Infrastructure;

/// <summary>What every command may use from the outside world: output streams, the clock, the environment.</summary>
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
