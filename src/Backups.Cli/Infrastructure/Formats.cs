using NodaTime.Text;

namespace Backups.Cli.Infrastructure;

/// <summary>How instants print everywhere: UTC, ISO-8601 with Z, whole seconds unless there are fractions.</summary>
internal static class Formats
{
    public static string Instant(NodaTime.Instant instant) => InstantPattern.ExtendedIso.Format(instant);
}
