using Backups.Domain.Schema;

namespace Backups.Sources.Sqlite;

/// <summary>
/// Maps a declared SQLite column type to a kind, following SQLite's affinity rules (section 3.1 of
/// "Datatypes In SQLite") with two refinements inside NUMERIC affinity: BOOL* → Boolean and anything
/// naming DATE or TIME → the stored text. Columns without a declared type are decided from the data.
/// </summary>
internal static class SqliteTypeMapper
{
    /// <summary>The rule for a declared type, or null when the type is empty or ANY (decided from the stored values).</summary>
    public static SqliteValueRule? Rule(string declared)
    {
        var type = declared.Trim().ToUpperInvariant();
        if (type.Length == 0 || type == "ANY")
        {
            return null;
        }

        if (type.Contains("INT", StringComparison.Ordinal))
        {
            return SqliteValueRule.Integer;
        }

        if (type.Contains("CHAR", StringComparison.Ordinal) || type.Contains("CLOB", StringComparison.Ordinal) || type.Contains("TEXT", StringComparison.Ordinal))
        {
            return SqliteValueRule.Text;
        }

        if (type.Contains("BLOB", StringComparison.Ordinal))
        {
            return SqliteValueRule.Blob;
        }

        if (type.Contains("REAL", StringComparison.Ordinal) || type.Contains("FLOA", StringComparison.Ordinal) || type.Contains("DOUB", StringComparison.Ordinal))
        {
            return SqliteValueRule.Real;
        }

        if (type.StartsWith("BOOL", StringComparison.Ordinal))
        {
            return SqliteValueRule.Boolean;
        }

        return type.Contains("DATE", StringComparison.Ordinal) || type.Contains("TIME", StringComparison.Ordinal)
            ? SqliteValueRule.DateText
            : SqliteValueRule.Decimal;
    }

    /// <summary>The rule for a column without declared type, from the storage classes it holds.</summary>
    public static SqliteValueRule FromStorage(string table, string column, IReadOnlyCollection<string> storageClasses)
    {
        if (storageClasses.Count > 1)
        {
            throw new UnsupportedColumnTypeException(
                $"Table {table}, column {column}: the column has no declared type and holds values of several storage classes "
                + $"({string.Join(", ", storageClasses.Order(StringComparer.Ordinal))}), which no single kind keeps exactly. "
                + "Declare a type for the column or exclude the table.");
        }

        return storageClasses.FirstOrDefault() switch
        {
            "integer" => SqliteValueRule.Integer,
            "real" => SqliteValueRule.Real,
            "blob" => SqliteValueRule.Blob,
            _ => SqliteValueRule.Text,
        };
    }

    public static ColumnKind Kind(SqliteValueRule rule) => rule switch
    {
        SqliteValueRule.Integer => ColumnKind.Int64,
        SqliteValueRule.Real => ColumnKind.Float64,
        SqliteValueRule.Blob => ColumnKind.Binary,
        SqliteValueRule.Boolean => ColumnKind.Boolean,
        SqliteValueRule.Decimal => ColumnKind.Decimal,
        _ => ColumnKind.Text,
    };

    /// <summary>Precision, scale or length written in the declared type, e.g. NUMERIC(8,2), VARCHAR(40).</summary>
    public static (int? Precision, int? Scale, int? MaxLength) Modifiers(string declared, SqliteValueRule rule)
    {
        var open = declared.IndexOf('(', StringComparison.Ordinal);
        var close = declared.LastIndexOf(')');
        if (open < 0 || close <= open)
        {
            return (null, null, null);
        }

        var numbers = declared[(open + 1)..close].Split(',', StringSplitOptions.TrimEntries)
            .Select(s => int.TryParse(s, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : (int?)null)
            .ToList();
        if (numbers.Count == 0 || numbers.Any(n => n is null))
        {
            return (null, null, null);
        }

        return rule switch
        {
            SqliteValueRule.Decimal => (numbers[0], numbers.Count > 1 ? numbers[1] : null, null),
            SqliteValueRule.Text or SqliteValueRule.Blob => (null, null, numbers[0]),
            _ => (null, null, null),
        };
    }
}
