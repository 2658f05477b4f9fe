using Backups.Operations.Retention;
using NodaTime;

namespace Backups.Operations.Tests.Retention;

public sealed class CronIntervalTests
{
    private static readonly Instant Wednesday = Instant.FromUtc(2026, 11, 25, 10, 30);

    [Theory]
    [InlineData("0 0 * * * ?", 60)]
    [InlineData("0 15 * * * ?", 60)]
    [InlineData("0 */10 * * * ?", 10)]
    [InlineData("0 30 2 * * ?", 24 * 60)]
    [InlineData("0 0 0,12 * * ?", 12 * 60)]
    public void Regular_schedules_give_their_period(string cron, int minutes)
    {
        CronInterval.Longest(cron, DateTimeZone.Utc, Wednesday).ShouldBe(Duration.FromMinutes(minutes));
    }

    [Fact]
    public void A_weekdays_only_schedule_near_a_weekend_gives_the_weekend()
    {
        var friday = Instant.FromUtc(2026, 11, 27, 20, 0);

        CronInterval.Longest("0 0 * ? * MON-FRI", DateTimeZone.Utc, friday).ShouldBe(Duration.FromHours(49));
    }

    [Fact]
    public void The_schedule_is_evaluated_in_the_policy_zone()
    {
        var newYork = DateTimeZoneProviders.Tzdb["America/New_York"];
        // Daily at 01:30 local; the fall-back night of 2026-11-01 makes one gap 25 hours long.
        CronInterval.Longest("0 30 1 * * ?", newYork, Instant.FromUtc(2026, 10, 30, 12, 0)).ShouldBe(Duration.FromHours(25));
    }

    [Fact]
    public void A_schedule_that_fires_once_has_no_interval()
    {
        CronInterval.Longest("0 0 0 1 1 ? 2027", DateTimeZone.Utc, Wednesday).ShouldBeNull();
    }

    [Fact]
    public void An_expression_quartz_cannot_read_is_an_input_error()
    {
        Should.Throw<OperationInputException>(() => CronInterval.Longest("0 0 * * *", DateTimeZone.Utc, Wednesday))
            .Message.ShouldStartWith("schedule '0 0 * * *' is not a Quartz cron expression");
    }

    [Theory]
    [InlineData(30 * 24 * 60, "30d")]
    [InlineData(25 * 60, "1d1h")]
    [InlineData(180, "3h")]
    [InlineData(90, "1h30m")]
    [InlineData(1, "1m")]
    public void Durations_read_short(int minutes, string text)
    {
        StaleGuard.Describe(Duration.FromMinutes(minutes)).ShouldBe(text);
    }
}
