using NodaTime;
using NodaTime.Calendars;

namespace Backups.Domain.Retention;

/// <summary>
/// Calendar bucket keys as plain numbers, computed from a local date-time in the bucket time zone:
/// two local date-times share a bucket exactly when their keys are equal. No strings are built.
/// </summary>
internal static class BucketKeys
{
    /// <summary>The key of <paramref name="local"/>'s bucket for <paramref name="period"/>.</summary>
    public static long Of(Period period, LocalDateTime local) => period switch
    {
        Period.Hourly => (DayKey(local.Date) * 24) + local.Hour,
        Period.Daily => DayKey(local.Date),
        Period.Weekly => WeekKey(local.Date),
        Period.Monthly => MonthKey(local.Date),
        Period.Yearly => local.Year,
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, null),
    };

    /// <summary>Year and month: <c>year * 12 + (month - 1)</c>, unique for every (year, month).</summary>
    private static long MonthKey(LocalDate date) => ((long)date.Year * 12) + (date.Month - 1);

    /// <summary>Year, month and day in mixed radix (31 slots per month, some unused).</summary>
    private static long DayKey(LocalDate date) => (MonthKey(date) * 31) + (date.Day - 1);

    /// <summary>The ISO-8601 week-year and week number (weeks start on Monday; week 1 holds the first Thursday).</summary>
    private static long WeekKey(LocalDate date) =>
        ((long)WeekYearRules.Iso.GetWeekYear(date) * 64) + WeekYearRules.Iso.GetWeekOfWeekYear(date);
}
