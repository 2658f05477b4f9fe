using Backups.Domain.Schema;

namespace Backups.Sources.Targets.Postgres;

/// <summary>
/// Column types in a PostgreSQL target, spelled as <c>format_type</c> prints them so that an existing column
/// compares by plain text. A PostgreSQL snapshot keeps its native types verbatim; another dialect's columns
/// map by kind, always to unconstrained types (SQLite does not enforce lengths or numeric scales, so
/// <c>varchar(5)</c> or <c>numeric(20,4)</c> could refuse or round values it holds).
/// </summary>
internal static class PgTargetTypes
{
    public static string? ForKind(ColumnKind kind) => kind switch
    {
        ColumnKind.Boolean => "boolean",
        ColumnKind.Int16 => "smallint",
        ColumnKind.Int32 => "integer",
        ColumnKind.Int64 => "bigint",
        ColumnKind.Float32 => "real",
        ColumnKind.Float64 => "double precision",
        ColumnKind.Decimal => "numeric",
        ColumnKind.Text => "text",
        ColumnKind.Binary => "bytea",
        ColumnKind.Date => "date",
        ColumnKind.Time => "time without time zone",
        ColumnKind.Timestamp => "timestamp without time zone",
        ColumnKind.TimestampTz => "timestamp with time zone",
        ColumnKind.Uuid => "uuid",
        // json keeps the document's text exactly; jsonb would normalize it.
        ColumnKind.Json => "json",
        _ => null,
    };

    /// <summary>
    /// Whether values of this kind can go into a column of this type in binary COPY format, written by kind.
    /// Everything but dialect text can, with JSON only into plain json or jsonb (a domain hides which).
    /// </summary>
    public static bool BinaryCopyable(ColumnKind kind, string targetType) => kind switch
    {
        ColumnKind.DialectText => false,
        ColumnKind.Json => targetType is "json" or "jsonb",
        _ => true,
    };
}
