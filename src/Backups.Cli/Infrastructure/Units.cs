using System.Globalization;
using NodaTime;

namespace Backups.Cli.Infrastructure;

/// <summary>Human-readable sizes, counts and durations for text output.</summary>
internal static class Units
{
    public static string Bytes(long bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        return unit == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes} B")
            : string.Create(CultureInfo.InvariantCulture, $"{value:0.0} {units[unit]}");
    }

    public static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    public static string Age(Duration age) =>
        age.TotalDays >= 2 ? string.Create(CultureInfo.InvariantCulture, $"{age.TotalDays:0}d")
        : age.TotalHours >= 2 ? string.Create(CultureInfo.InvariantCulture, $"{age.TotalHours:0}h")
        : age.TotalSeconds >= 60 ? string.Create(CultureInfo.InvariantCulture, $"{age.TotalMinutes:0}m")
        : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, age.TotalSeconds):0}s");

    public static string Seconds(Duration duration) => string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.0}s");
}
