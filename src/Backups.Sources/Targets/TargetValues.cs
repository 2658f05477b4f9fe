using Backups.Domain.Schema;

namespace Backups.Sources.Targets;

/// <summary>Messages about values that do not follow the row contract of <see cref="ColumnKind"/>.</summary>
internal static class TargetValues
{
    public static string Mismatch(ColumnKind kind, object value)
    {
        var actual = value is DateTime dt ? $"DateTime (Kind {dt.Kind})" : value.GetType().Name;
        return $"a {actual} value does not follow the row contract of kind {kind}, which expects {Expected(kind)}";
    }

    public static string Expected(ColumnKind kind) => kind switch
    {
        ColumnKind.Boolean => "bool",
        ColumnKind.Int16 => "short",
        ColumnKind.Int32 => "int",
        ColumnKind.Int64 => "long",
        ColumnKind.Float32 => "float",
        ColumnKind.Float64 => "double",
        ColumnKind.Binary => "byte[]",
        ColumnKind.Date => "DateOnly",
        ColumnKind.Time => "TimeOnly",
        ColumnKind.Timestamp => "DateTime with Kind Unspecified",
        ColumnKind.TimestampTz => "DateTime with Kind Utc",
        ColumnKind.Uuid => "Guid",
        _ => "string",
    };
}
