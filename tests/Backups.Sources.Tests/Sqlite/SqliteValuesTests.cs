using Backups.Sources.Sqlite;

namespace Backups.Sources.Tests.Sqlite;

public sealed class SqliteValuesTests
{
    [Theory]
    [InlineData(0.1, "0.1")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(-1.5e-7, "-0.00000015")]
    [InlineData(1.2345e-5, "0.000012345")]
    [InlineData(123.456, "123.456")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    public void Reals_in_numeric_columns_become_the_shortest_exact_plain_decimal_text(double value, string expected)
    {
        var text = SqliteValues.PlainNumber(value);

        text.ShouldBe(expected);
        if (double.IsFinite(value))
        {
            double.Parse(text, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(value);
        }
    }

    [Fact]
    public void The_largest_double_is_written_out_in_full() =>
        SqliteValues.PlainNumber(double.MaxValue).ShouldBe("17976931348623157" + new string('0', 292));

    [Theory]
    [InlineData(nameof(SqliteValueRule.Integer), 1.5)]
    [InlineData(nameof(SqliteValueRule.Text), 7L)]
    [InlineData(nameof(SqliteValueRule.Decimal), "12abc")]
    [InlineData(nameof(SqliteValueRule.Real), "1.0")]
    [InlineData(nameof(SqliteValueRule.DateText), 20240229L)]
    public void A_value_of_the_wrong_storage_class_is_refused_never_converted(string rule, object value)
    {
        SqliteValues.Convert(value, Enum.Parse<SqliteValueRule>(rule), out var problem).ShouldBeNull();

        problem.ShouldNotBeNull();
        problem.ShouldContain("never altered silently");
    }
}
