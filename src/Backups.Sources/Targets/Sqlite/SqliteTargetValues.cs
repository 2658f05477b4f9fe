using System.Globalization;
using Backups.Domain.Schema;
using Backups.Sources.Sqlite;

namespace Backups.Sources.Targets.Sqlite;

/// <summary>
/// Turns a canonical value into what is bound for an SQLite column, refusing what SQLite would change:
/// NaN (stored as NULL), -0 in a column with numeric affinity (stored as 0), and decimals that neither a
/// 64-bit integer nor a double holds exactly (SQLite keeps numbers in no other form). Dates and times become
/// ISO 8601 text with up to 6 fractional digits, UUIDs lower-case text, booleans 0 or 1.
/// </summary>
internal static class SqliteTargetValues
{
    /// <param name="kind">The column's kind.</param>
    /// <param name="affinity">The target column's affinity.</param>
    /// <param name="sameDialect">Whether the value came from SQLite: a decimal that was stored as text is bound as text again.</param>
    /// <param name="value">The non-null canonical value.</param>
    /// <param name="problem">Why the value cannot be stored exactly, or null.</param>
    public static object? Bind(ColumnKind kind, SqliteAffinity affinity, bool sameDialect, object value, out string? problem)
    {
        problem = null;
        switch (kind, value)
        {
            case (ColumnKind.Boolean, bool v):
                return v ? 1L : 0L;
            case (ColumnKind.Int16, short v):
                return (long)v;
            case (ColumnKind.Int32, int v):
                return (long)v;
            case (ColumnKind.Int64, long v):
                return v;
            case (ColumnKind.Float32, float v):
                return Real(v, affinity, out problem);
            case (ColumnKind.Float64, double v):
                return Real(v, affinity, out problem);
            case (ColumnKind.Decimal, string v):
                return Decimal(v, sameDialect, out problem);
            case (ColumnKind.Text or ColumnKind.Json or ColumnKind.DialectText, string v):
                return v;
            case (ColumnKind.Binary, byte[] v):
                return v;
            case (ColumnKind.Date, DateOnly v):
                return v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            case (ColumnKind.Time, TimeOnly v):
                return v.ToString("HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture);
            case (ColumnKind.Timestamp, DateTime { Kind: DateTimeKind.Unspecified } v):
                return v.ToString("yyyy-MM-dd HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture);
            case (ColumnKind.TimestampTz, DateTime { Kind: DateTimeKind.Utc } v):
                return v.ToString("yyyy-MM-dd HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture) + "Z";
            case (ColumnKind.Uuid, Guid v):
                return v.ToString("D");
            default:
                problem = TargetValues.Mismatch(kind, value);
                return null;
        }
    }

    private static double? Real(double value, SqliteAffinity affinity, out string? problem)
    {
        problem = null;
        if (double.IsNaN(value))
        {
            problem = "NaN cannot be stored in SQLite (it would become NULL)";
            return null;
        }

        if (value == 0 && double.IsNegative(value) && affinity is not (SqliteAffinity.Blob or SqliteAffinity.Text))
        {
            problem = "-0 would be stored as 0 in an SQLite column with numeric affinity";
            return null;
        }

        return value;
    }

    private static object? Decimal(string value, bool sameDialect, out string? problem)
    {
        problem = null;
        var number = DecimalText.Parse(value);
        switch (number?.Special)
        {
            case null when number is null:
                problem = $"'{Shorten(value)}' is not a decimal number";
                return null;
            case "NaN":
                problem = "NaN cannot be stored in SQLite (it would become NULL or text)";
                return null;
            case "Infinity":
                return double.PositiveInfinity;
            case "-Infinity":
                return double.NegativeInfinity;
        }

        if (number.IsZero)
        {
            return 0L;
        }

        if (number.Exponent >= 0 && number.Digits.Length + number.Exponent <= 19
            && long.TryParse((number.Negative ? "-" : "") + number.Digits + new string('0', number.Exponent),
                NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            return whole;
        }

        return AsDouble(value, number, sameDialect, out problem);
    }

    private static object? AsDouble(string value, DecimalText number, bool sameDialect, out string? problem)
    {
        problem = null;
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)
            && DecimalText.Parse(SqliteValues.PlainNumber(d)) is { } back && back.SameValue(number))
        {
            return d;
        }

        if (sameDialect)
        {
            // It was stored as text in the source (SQLite kept it because no number held it exactly): keep it so.
            return value;
        }

        problem = $"{Shorten(value)} cannot be stored exactly in SQLite, whose numbers are 64-bit integers or doubles (about 15 significant digits)";
        return null;
    }

    private static string Shorten(string text) => text.Length > 60 ? text[..60] + "..." : text;
}
