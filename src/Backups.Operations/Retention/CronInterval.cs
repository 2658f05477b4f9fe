using NodaTime;
using Quartz;

namespace Backups.Operations.Retention;

/// <summary>How far apart a Quartz cron schedule's firings are: the interval the stale-backups guard holds a policy to.</summary>
internal static class CronInterval
{
    private const int MaxFirings = 25;
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(400);

    /// <summary>
    /// The longest gap between the next 25 consecutive firings (within 400 days) after <paramref name="from"/>, with the
    /// expression evaluated in <paramref name="zone"/>: one hour for an hourly schedule, a day for a daily one, and for a
    /// weekdays-only schedule the weekend when it falls within those firings. The schedule as it stands around
    /// <paramref name="from"/> (the newest snapshot) is what the next snapshots were expected by. Null when the
    /// schedule fires fewer than twice in that span. Throws <see cref="OperationInputException"/> when Quartz cannot read
    /// the expression.
    /// </summary>
    public static Duration? Longest(string cron, DateTimeZone zone, Instant from)
    {
        ArgumentNullException.ThrowIfNull(cron);
        ArgumentNullException.ThrowIfNull(zone);
        CronExpression expression;
        try
        {
            expression = new CronExpression(cron, ToTimeZoneInfo(zone));
        }
        catch (FormatException e)
        {
            throw new OperationInputException($"schedule '{cron}' is not a Quartz cron expression: {e.Message}");
        }
        var start = from.ToDateTimeOffset();
        var end = start + Horizon;
        DateTimeOffset? previous = null;
        TimeSpan? longest = null;
        var cursor = start;
        for (var i = 0; i < MaxFirings; i++)
        {
            if (expression.GetNextValidTimeAfter(cursor) is not { } next || next > end)
            {
                break;
            }
            if (previous is { } last && (longest is null || next - last > longest))
            {
                longest = next - last;
            }
            previous = next;
            cursor = next;
        }
        return longest is { } gap ? Duration.FromTimeSpan(gap) : null;
    }

    /// <summary>The <see cref="TimeZoneInfo"/> Quartz evaluates cron in; UTC when the zone is not known to the system.</summary>
    private static TimeZoneInfo ToTimeZoneInfo(DateTimeZone zone)
    {
        if (zone == DateTimeZone.Utc || zone.Id is "UTC" or "Etc/UTC")
        {
            return TimeZoneInfo.Utc;
        }
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(zone.Id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
