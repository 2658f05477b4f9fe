using Backups.Service.Scheduling;

namespace Backups.Service.Tests.Scheduling;

public sealed class ScheduleIntervalTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 10, 17, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("0 0 * * * ?", 3600)]
    [InlineData("0 15 * * * ?", 3600)]
    [InlineData("0/2 * * * * ?", 2)]
    [InlineData("0 30 2 * * ?", 86400)]
    [InlineData("0 0 4 ? * SUN", 7 * 86400)]
    public void A_regular_schedule_has_its_period_as_interval(string cron, int seconds)
    {
        ScheduleInterval.Longest(cron, TimeZoneInfo.Utc, Monday).ShouldBe(TimeSpan.FromSeconds(seconds));
    }

    [Fact]
    public void A_weekdays_only_schedule_is_held_to_its_longest_gap_the_weekend()
    {
        ScheduleInterval.Longest("0 0 9 ? * MON-FRI", TimeZoneInfo.Utc, Monday).ShouldBe(TimeSpan.FromDays(3));
    }

    [Fact]
    public void A_daily_schedule_in_a_zone_with_daylight_saving_has_a_25_hour_gap_once_a_year()
    {
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

        ScheduleInterval.Longest("0 30 1 * * ?", newYork, Monday).ShouldBe(TimeSpan.FromHours(25));
    }

    [Fact]
    public void A_schedule_that_fires_once_has_no_interval()
    {
        ScheduleInterval.Longest("0 0 12 1 1 ? 2027", TimeZoneInfo.Utc, Monday).ShouldBeNull();
    }
}
