using Backups.Policies.Validation;

namespace Backups.Policies.Tests.Validation;

public class QuartzCronTests
{
    [Theory]
    [InlineData("0 0 * * * ?")]
    [InlineData("*/10 * * * * ?")]
    [InlineData("0 0/15 * * * ?")]
    [InlineData("0 30 2 ? * MON-FRI")]
    [InlineData("0 0 12 1/5 * ? 2030")]
    [InlineData("0 0 12 1/5 * ? 2030-2035")]
    [InlineData("0 15 10 L * ?")]
    [InlineData("0 0 0 LW * ?")]
    [InlineData("0 0 0 L-3 * ?")]
    [InlineData("0 0 0 15W * ?")]
    [InlineData("0 15 10 ? * 6L")]
    [InlineData("0 15 10 ? * FRIL")]
    [InlineData("0 15 10 ? * 6#3")]
    [InlineData("0 0 0 ? jan,JUL sun")]
    [InlineData("0 0 22-2 * * ?")]
    [InlineData("  0 0 *  * * ?  ")]
    public void Well_formed_quartz_expressions_are_accepted(string expression)
    {
        QuartzCron.TryValidate(expression, out var error, out _).ShouldBeTrue(error);
    }

    [Theory]
    [InlineData("60 0 * * * ?", "second 60 is out of range 0-59", 0)]
    [InlineData("0 0 * 32 * ?", "day-of-month 32 is out of range 1-31", 6)]
    [InlineData("0 0 0 1,,2 * ?", "empty entry in day-of-month (stray ',')", 8)]
    [InlineData("0 0 0 1,5- * ?", "incomplete range in day-of-month", 8)]
    [InlineData("0 0 * * 0 ?", "month 0 is out of range 1-12", 8)]
    [InlineData("0 0 * * FOO ?", "'FOO' in month is not a number or a name such as JAN", 8)]
    [InlineData("0 0 0 ? * 8", "day-of-week 8 is out of range 1-7", 10)]
    [InlineData("0 0 0 ? * MON#6", "bad day-of-week 'MON#6' (n#k needs k from 1 to 5)", 10)]
    [InlineData("0 0 0 L-31 * ?", "bad day-of-month 'L-31' (L-n counts back 0 to 30 days from the last day)", 6)]
    [InlineData("0 0/0 * * * ?", "bad step '0' in minute (a whole number from 1 to 59)", 2)]
    [InlineData("0 0 * * * ? 1969", "year 1969 is out of range 1970-2099", 12)]
    [InlineData("? 0 * * * ?", "'?' is allowed only in day-of-month and day-of-week, not in second", 0)]
    [InlineData("0 0 * ? * ?", "'?' may be in only one of day-of-month and day-of-week", 10)]
    [InlineData("0 0 * * * ? * *", "expected 6 or 7 fields (second minute hour day-of-month month day-of-week [year]), found 8", 0)]
    [InlineData("", "expected 6 or 7 fields (second minute hour day-of-month month day-of-week [year]), found 0", 0)]
    public void Malformed_expressions_say_what_is_wrong_and_where(string expression, string message, int index)
    {
        QuartzCron.TryValidate(expression, out var error, out var at).ShouldBeFalse();

        error.ShouldBe(message);
        at.ShouldBe(index);
    }
}
