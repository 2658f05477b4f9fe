using Backups.Domain.Schema;

namespace Backups.Snapshots.Tests.Support;

/// <summary>A plausible PostgreSQL source type for each kind, for test schemas.</summary>
internal static class SourceTypes
{
    public static string For(ColumnKind kind) => kind switch
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
        ColumnKind.Json => "jsonb",
        ColumnKind.DialectText => "interval",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
