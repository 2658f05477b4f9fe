using Backups.Domain.Retention;

namespace Backups.Domain.Tests.Retention;

public class RetentionWindowParsingTests
{
    [Theory]
    [InlineData("3d", 0, 0, 0, 3, 0)]
    [InlineData("14d", 0, 0, 0, 14, 0)]
    [InlineData("2w", 0, 0, 2, 0, 0)]
    [InlineData("6m", 0, 6, 0, 0, 0)]
    [InlineData("1y", 1, 0, 0, 0, 0)]
    [InlineData("36h", 0, 0, 0, 0, 36)]
    [InlineData("1y2m3d4h", 1, 2, 0, 3, 4)]
    [InlineData("1y2m1w3d4h", 1, 2, 1, 3, 4)]
    [InlineData("4h1y", 1, 0, 0, 0, 4)]
    [InlineData(" 14D ", 0, 0, 0, 14, 0)]
    [InlineData("0y1d", 0, 0, 0, 1, 0)]
    public void Good_windows_parse_into_their_calendar_fields(string text, int years, int months, int weeks, int days, int hours)
    {
        RetentionWindow.TryParse(text, out var window, out var error).ShouldBeTrue(error);

        window.ShouldBe(new RetentionWindow(years, months, weeks, days, hours));
        error.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("0d", "zero")]
    [InlineData("0y0m0d0h", "zero")]
    [InlineData("-1d", "negative")]
    [InlineData("3x", "unknown unit 'x'")]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData(null, "empty")]
    [InlineData("d", "bad duration")]
    [InlineData("14", "bad duration")]
    [InlineData("1d1d", "appears twice")]
    [InlineData("1.5d", "bad duration")]
    [InlineData("1d 2h", "bad duration")]
    [InlineData("+1d", "bad duration")]
    [InlineData("99999999999d", "too large")]
    public void Bad_windows_are_refused_with_a_message_that_says_why(string? text, string expected)
    {
        RetentionWindow.TryParse(text, out var window, out var error).ShouldBeFalse();

        window.ShouldBe(default);
        error.ShouldContain(expected);
        Should.Throw<FormatException>(() => RetentionWindow.Parse(text!)).Message.ShouldContain(expected);
    }

    [Theory]
    [InlineData("1y2m3d4h")]
    [InlineData("14d")]
    [InlineData("2w")]
    [InlineData("36h")]
    public void A_window_prints_back_as_it_is_written(string text)
    {
        RetentionWindow.Parse(text).ToString().ShouldBe(text);
    }
}
