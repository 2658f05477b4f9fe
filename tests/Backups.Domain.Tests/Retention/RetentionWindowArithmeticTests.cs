using Backups.Domain.Retention;
using static Backups.Domain.Tests.Support.Snaps;

namespace Backups.Domain.Tests.Retention;

public class RetentionWindowArithmeticTests
{
    [Theory]
    // Month ends clamp: 31 March minus one month is the last day of February.
    [InlineData("1m", "2026-03-31T12:00Z", "2026-02-28T12:00Z")]
    [InlineData("1m", "2024-03-31T12:00Z", "2024-02-29T12:00Z")]
    [InlineData("1m", "2026-05-31T00:00Z", "2026-04-30T00:00Z")]
    [InlineData("1y", "2024-02-29T06:00Z", "2023-02-28T06:00Z")]
    // Years, then months, then days: 31 March 2025 - 1y1m1d = 31 March 2024 - 1m1d = 29 Feb 2024 - 1d.
    [InlineData("1y1m1d", "2025-03-31T00:00Z", "2024-02-28T00:00Z")]
    [InlineData("14d", "2026-11-02T00:00Z", "2026-10-19T00:00Z")]
    [InlineData("2w", "2026-11-02T00:00Z", "2026-10-19T00:00Z")]
    [InlineData("180d", "2026-11-02T00:00Z", "2026-05-06T00:00Z")]
    // Hours are elapsed time, after the calendar step.
    [InlineData("36h", "2026-11-02T00:00Z", "2026-10-31T12:00Z")]
    [InlineData("1d4h", "2026-11-02T00:00Z", "2026-10-31T20:00Z")]
    public void Calendar_fields_are_subtracted_in_the_zone_then_hours_as_elapsed_time(string window, string anchor, string cutoff)
    {
        RetentionWindow.Parse(window).SubtractFrom(At(anchor), Zone("UTC")).ShouldBe(At(cutoff));
    }

    [Fact]
    public void A_calendar_step_into_the_spring_forward_gap_moves_forward_by_the_gap()
    {
        // New York skipped 02:00-03:00 on 2026-03-08. One day before 2026-03-09 02:30 EDT is 2026-03-08 02:30,
        // which does not exist: the lenient resolver makes it 03:30 EDT (07:30Z).
        var anchor = Local("America/New_York", 2026, 3, 9, 2, 30);
        anchor.ShouldBe(At("2026-03-09T06:30Z"));

        RetentionWindow.Parse("1d").SubtractFrom(anchor, Zone("America/New_York")).ShouldBe(At("2026-03-08T07:30Z"));
        RetentionWindow.Parse("1d2h").SubtractFrom(anchor, Zone("America/New_York")).ShouldBe(At("2026-03-08T05:30Z"));
    }

    [Fact]
    public void A_calendar_step_onto_the_repeated_fall_back_hour_takes_the_earlier_instant()
    {
        // 2026-11-01 01:30 happens twice in New York (05:30Z in EDT, 06:30Z in EST); the earlier one is taken.
        var anchor = At("2026-11-02T06:30Z"); // 01:30 EST
        RetentionWindow.Parse("1d").SubtractFrom(anchor, Zone("America/New_York")).ShouldBe(At("2026-11-01T05:30Z"));
    }

    [Fact]
    public void Days_are_local_calendar_days_so_a_day_across_fall_back_lasts_25_hours()
    {
        var anchor = At("2026-11-01T17:00Z"); // 12:00 EST, the day after 12:00 EDT
        var cutoff = RetentionWindow.Parse("1d").SubtractFrom(anchor, Zone("America/New_York"));

        cutoff.ShouldBe(At("2026-10-31T16:00Z"));
        (anchor - cutoff).TotalHours.ShouldBe(25);
    }

    [Fact]
    public void A_window_reaching_past_the_start_of_the_calendar_puts_everything_inside()
    {
        var cutoff = RetentionWindow.Parse("100000y").SubtractFrom(At("2026-11-02T00:00Z"), Zone("UTC"));

        cutoff.ShouldBeLessThan(At("0001-01-01T00:00Z"));
    }
}
