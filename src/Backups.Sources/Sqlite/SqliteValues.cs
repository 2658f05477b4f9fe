using System.Globalization;
using System.Text.RegularExpressions;

namespace Backups.Sources.Sqlite;

/// <summary>Converts one stored SQLite value to its column's canonical CLR value, refusing anything that would change it.</summary>
internal static partial class SqliteValues
{
    /// <summary>The canonical value, or null with <paramref name="problem"/> saying why the value does not fit.</summary>
    public static object? Convert(object value, SqliteValueRule rule, out string? problem)
    {
        problem = null;
        switch (rule, value)
        {
            case (SqliteValueRule.Integer, long l):
                return l;
            case (SqliteValueRule.Real, double d):
                return d;
            case (SqliteValueRule.Real, long l) when Math.Abs(l) <= (1L << 53):
                return (double)l;
            case (SqliteValueRule.Text or SqliteValueRule.DateText, string s):
                return s;
            case (SqliteValueRule.Blob, byte[] b):
                return b;
            case (SqliteValueRule.Boolean, long l and (0 or 1)):
                return l == 1;
            case (SqliteValueRule.Decimal, long l):
                return l.ToString(CultureInfo.InvariantCulture);
            case (SqliteValueRule.Decimal, double d):
                return PlainNumber(d);
            case (SqliteValueRule.Decimal, string s) when NumericText().IsMatch(s):
                return s;
            default:
                problem = $"stored {Describe(value)} does not fit the column ({Expected(rule)}); it is never altered silently. "
                    + "Fix the value, declare a matching type, or exclude the table.";
                return null;
        }
    }

    /// <summary>The shortest text that reads back as the same double, in plain (non-exponent) notation.</summary>
    public static string PlainNumber(double value)
    {
        if (double.IsPositiveInfinity(value))
        {
            return "Infinity";
        }

        if (double.IsNegativeInfinity(value))
        {
            return "-Infinity";
        }

        if (double.IsNaN(value))
        {
            return "NaN";
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOfAny(['E', 'e']);
        if (e < 0)
        {
            return text;
        }

        var exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var mantissa = text[..e];
        var negative = mantissa.StartsWith('-');
        if (negative)
        {
            mantissa = mantissa[1..];
        }

        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = dot < 0 ? mantissa : mantissa.Remove(dot, 1);
        var point = (dot < 0 ? mantissa.Length : dot) + exponent;
        string plain;
        if (point <= 0)
        {
            plain = "0." + new string('0', -point) + digits;
        }
        else if (point >= digits.Length)
        {
            plain = digits + new string('0', point - digits.Length);
        }
        else
        {
            plain = digits[..point] + "." + digits[point..];
        }

        return negative ? "-" + plain : plain;
    }

    private static string Describe(object value) => value switch
    {
        long l => $"integer {l.ToString(CultureInfo.InvariantCulture)}",
        double d => $"real {d.ToString("R", CultureInfo.InvariantCulture)}",
        string s => $"text '{(s.Length > 40 ? s[..40] + "..." : s)}'",
        byte[] b => $"blob of {b.Length.ToString(CultureInfo.InvariantCulture)} bytes",
        _ => value.GetType().Name,
    };

    private static string Expected(SqliteValueRule rule) => rule switch
    {
        SqliteValueRule.Integer => "expects integers",
        SqliteValueRule.Real => "expects reals",
        SqliteValueRule.Text => "expects text",
        SqliteValueRule.Blob => "expects blobs",
        SqliteValueRule.Boolean => "expects the integers 0 or 1",
        SqliteValueRule.Decimal => "expects numbers",
        _ => "expects dates stored as text",
    };

    [GeneratedRegex(@"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")]
    private static partial Regex NumericText();
}
