using Quartz;

namespace Backups.Service.Scheduling;

/// <summary>How far apart a cron schedule's firings are, which is what the RPO check allows a multiple of.</summary>
internal static class ScheduleInterval
{
    private const int MaxFirings = 1000;
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(400);

    /// <summary>
    /// The longest gap between consecutive firings over the next firings (up to 1000 of them, within 400 days) from
    /// <paramref name="from"/>: an hourly schedule gives one hour, a weekdays-only one the weekend. Null when the
    /// schedule fires fewer than twice in that span (there is no interval to hold it to).
    /// </summary>
    public static TimeSpan? Longest(string cron, TimeZoneInfo timeZone, DateTimeOffset from)
    {
        var expression = new CronExpression(cron, timeZone);
        var end = from + Horizon;
        DateTimeOffset? previous = null;
        TimeSpan? longest = null;
        var cursor = from;
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
        return longest;
    }
}
