using Backups.Domain.Schema;

namespace Backups.Sources.Targets.Sqlite;

/// <summary>
/// Column types in an SQLite target. An SQLite snapshot keeps its declared types verbatim; another
/// dialect's columns get a declared type whose affinity stores the kind's values as they are and that the
/// SQLite read side maps back to the same kind where it can: integers INTEGER, floats REAL, decimals
/// NUMERIC (with the declared precision and scale, which SQLite does not enforce), booleans BOOLEAN (0/1),
/// text, JSON and UUIDs TEXT, bytes BLOB, dates and times DATE / TIME / TIMESTAMP / TIMESTAMPTZ holding
/// ISO 8601 text.
/// </summary>
internal static class SqliteTargetTypes
{
    public static string? ForKind(ColumnSchema column) => column.Kind switch
    {
        ColumnKind.Boolean => "BOOLEAN",
        ColumnKind.Int16 or ColumnKind.Int32 or ColumnKind.Int64 => "INTEGER",
        ColumnKind.Float32 or ColumnKind.Float64 => "REAL",
        ColumnKind.Decimal => column is { Precision: { } p and > 0, Scale: { } s and >= 0 }
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"NUMERIC({p},{s})")
            : "NUMERIC",
        ColumnKind.Text or ColumnKind.Json or ColumnKind.Uuid => "TEXT",
        ColumnKind.Binary => "BLOB",
        ColumnKind.Date => "DATE",
        ColumnKind.Time => "TIME",
        ColumnKind.Timestamp => "TIMESTAMP",
        ColumnKind.TimestampTz => "TIMESTAMPTZ",
        _ => null,
    };

    /// <summary>Declared types compare case-insensitively with runs of white space as one space.</summary>
    public static bool Same(string a, string b) =>
        string.Equals(Normalize(a), Normalize(b), StringComparison.OrdinalIgnoreCase);

    private static string Normalize(string type) =>
        string.Join(' ', type.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Replace(" (", "(", StringComparison.Ordinal);

    /// <summary>SQLite's column affinity for a declared type (section 3.1 of "Datatypes In SQLite").</summary>
    public static SqliteAffinity Affinity(string declared)
    {
        var type = declared.ToUpperInvariant();
        if (type.Contains("INT", StringComparison.Ordinal))
        {
            return SqliteAffinity.Integer;
        }

        if (type.Contains("CHAR", StringComparison.Ordinal) || type.Contains("CLOB", StringComparison.Ordinal) || type.Contains("TEXT", StringComparison.Ordinal))
        {
            return SqliteAffinity.Text;
        }

        if (type.Contains("BLOB", StringComparison.Ordinal) || type.Trim().Length == 0)
        {
            return SqliteAffinity.Blob;
        }

        return type.Contains("REAL", StringComparison.Ordinal) || type.Contains("FLOA", StringComparison.Ordinal) || type.Contains("DOUB", StringComparison.Ordinal)
            ? SqliteAffinity.Real
            : SqliteAffinity.Numeric;
    }
}
