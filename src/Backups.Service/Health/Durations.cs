using System.Globalization;
using NodaTime;

namespace Backups.Service.Health;

/// <summary>Short human-readable durations for log lines: <c>2d 3h</c>, <c>4h 10m</c>, <c>12m 5s</c>, <c>9s</c>.</summary>
internal static class Durations
{
    public static string Describe(Duration duration)
    {
        var d = duration < Duration.Zero ? Duration.Zero : duration;
        var days = d.Days;
        var hours = d.Hours;
        var minutes = d.Minutes;
        var seconds = d.Seconds;
        return days > 0 ? Format($"{days}d {hours}h")
            : hours > 0 ? Format($"{hours}h {minutes}m")
            : minutes > 0 ? Format($"{minutes}m {seconds}s")
            : Format($"{seconds}s");
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
