using Backups.Domain.Retention;
using NodaTime;
using NodaTime.Calendars;
using Period = Backups.Domain.Retention.Period;

namespace Backups.Domain.Tests.Retention;

/// <summary>Numeric bucket keys are equal exactly when the calendar buckets are the same.</summary>
public class BucketKeysTests
{
    private static readonly LocalDate First = new(2015, 1, 1);
    private static readonly LocalDate[] Dates = [.. Enumerable.Range(0, 20 * 366).Select(First.PlusDays)];

    private static void ShouldPartitionLike<T>(IEnumerable<LocalDateTime> times, Period period, Func<LocalDateTime, T> bucket)
    {
        var bucketOfKey = new Dictionary<long, T>();
        var buckets = new HashSet<T>();
        foreach (var t in times)
        {
            var key = BucketKeys.Of(period, t);
            var expected = bucket(t);
            buckets.Add(expected);
            if (!bucketOfKey.TryAdd(key, expected) && !EqualityComparer<T>.Default.Equals(bucketOfKey[key], expected))
            {
                throw new ShouldAssertException($"{t} shares key {key} with bucket {bucketOfKey[key]} but is in {expected}");
            }
        }
        bucketOfKey.Count.ShouldBe(buckets.Count);
    }

    [Fact]
    public void Weekly_keys_are_the_ISO_weeks_that_start_on_Monday()
    {
        ShouldPartitionLike(Dates.Select(d => d.AtMidnight()), Period.Weekly, t => t.Date.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday)));
    }

    [Fact]
    public void Daily_monthly_and_yearly_keys_are_the_calendar_dates_months_and_years()
    {
        var times = Dates.Select(d => d.At(new LocalTime(13, 7))).ToList();
        ShouldPartitionLike(times, Period.Daily, t => t.Date);
        ShouldPartitionLike(times, Period.Monthly, t => (t.Year, t.Month));
        ShouldPartitionLike(times, Period.Yearly, t => t.Year);
    }

    [Fact]
    public void Hourly_keys_are_the_local_clock_hours()
    {
        var start = new LocalDateTime(2026, 1, 1, 0, 0);
        var times = Enumerable.Range(0, 2 * 366 * 24 * 2).Select(i => start.PlusMinutes(30 * i)).ToList();
        ShouldPartitionLike(times, Period.Hourly, t => (t.Date, t.Hour));
    }

    [Theory]
    [InlineData(2026, 12, 28, 2026, 53)]
    [InlineData(2026, 12, 31, 2026, 53)]
    [InlineData(2027, 1, 3, 2026, 53)]
    [InlineData(2027, 1, 4, 2027, 1)]
    [InlineData(2024, 12, 30, 2025, 1)]
    [InlineData(2024, 12, 29, 2024, 52)]
    public void Dates_around_a_year_end_fall_in_their_ISO_week(int year, int month, int day, int weekYear, int week)
    {
        var date = new LocalDate(year, month, day);
        var sameWeek = new LocalDate(weekYear, 1, 4).PlusWeeks(week - 1); // 4 January is always in week 1

        BucketKeys.Of(Period.Weekly, date.AtMidnight()).ShouldBe(BucketKeys.Of(Period.Weekly, sameWeek.AtMidnight()));
        WeekYearRules.Iso.GetWeekOfWeekYear(date).ShouldBe(week);
    }
}
