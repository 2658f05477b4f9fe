using System.Globalization;
using NodaTime;

namespace Backups.Operations.Retention;

/// <summary>Evaluates the stale-backups guard (see <see cref="StaleVerdict"/>).</summary>
internal static class StaleGuard
{
    public static StaleVerdict Evaluate(Instant? newest, string schedule, DateTimeZone zone, Instant now, double factor)
    {
        if (newest is not { } anchor)
        {
            return new StaleVerdict(false, null, null, null, null, null);
        }
        var age = now - anchor;
        var interval = CronInterval.Longest(schedule, zone, anchor);
        if (interval is not { } expected)
        {
            return new StaleVerdict(false, anchor, age, null, null, null);
        }
        var allowed = Duration.FromTicks((long)Math.Ceiling(expected.BclCompatibleTicks * factor));
        if (age <= allowed)
        {
            return new StaleVerdict(false, anchor, age, expected, allowed, null);
        }
        var reason = string.Create(
            CultureInfo.InvariantCulture,
            $"backups have stopped: newest snapshot is {Describe(age)} old, expected every {Describe(expected)} (nothing expires while the newest snapshot is older than {Describe(allowed)}, {factor:0.##} x the schedule's interval; --force does not override this)");
        return new StaleVerdict(true, anchor, age, expected, allowed, reason);
    }

    /// <summary>A short human duration: <c>30d</c>, <c>1d6h</c>, <c>3h</c>, <c>45m</c>, <c>20s</c>.</summary>
    public static string Describe(Duration duration)
    {
        if (duration < Duration.Zero)
        {
            return "-" + Describe(-duration);
        }
        var days = duration.Days;
        var hours = duration.Hours;
        var minutes = duration.Minutes;
        var seconds = duration.Seconds;
        var text = days > 0
            ? (hours > 0 ? $"{days}d{hours}h" : $"{days}d")
            : hours > 0
                ? (minutes > 0 ? $"{hours}h{minutes}m" : $"{hours}h")
                : minutes > 0 ? $"{minutes}m" : $"{seconds}s";
        return text;
    }
}
