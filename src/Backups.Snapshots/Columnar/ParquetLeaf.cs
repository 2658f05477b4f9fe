using Backups.Domain.Schema;

namespace Backups.Snapshots.Columnar;

/// <summary>
/// The schema element of one column: how each <see cref="ColumnKind"/> is stored (the table in docs/format.md).
/// The annotations are the ones Parquet.Net gives the same fields, so that its reader, DuckDB and Athena read
/// the files as before: integers and strings carry a converted type and a logical type, times and timestamps
/// the logical type alone.
/// </summary>
internal sealed record ParquetLeaf(string Name, PhysicalType Type, bool Optional, LeafAnnotation Annotation)
{
    public const int UuidLength = 16;

    public static ParquetLeaf For(ManifestColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var (type, annotation) = column.Kind switch
        {
            ColumnKind.Boolean => (PhysicalType.Boolean, LeafAnnotation.None),
            ColumnKind.Int16 => (PhysicalType.Int32, LeafAnnotation.Int16),
            ColumnKind.Int32 => (PhysicalType.Int32, LeafAnnotation.Int32),
            ColumnKind.Int64 => (PhysicalType.Int64, LeafAnnotation.Int64),
            ColumnKind.Float32 => (PhysicalType.Float, LeafAnnotation.None),
            ColumnKind.Float64 => (PhysicalType.Double, LeafAnnotation.None),
            ColumnKind.Decimal or ColumnKind.Text or ColumnKind.Json or ColumnKind.DialectText => (PhysicalType.ByteArray, LeafAnnotation.String),
            ColumnKind.Binary => (PhysicalType.ByteArray, LeafAnnotation.None),
            ColumnKind.Date => (PhysicalType.Int32, LeafAnnotation.Date),
            ColumnKind.Time => (PhysicalType.Int64, LeafAnnotation.TimeMicros),
            ColumnKind.Timestamp => (PhysicalType.Int64, LeafAnnotation.TimestampMicros),
            ColumnKind.TimestampTz => (PhysicalType.Int64, LeafAnnotation.TimestampMicrosUtc),
            ColumnKind.Uuid => (PhysicalType.FixedLenByteArray, LeafAnnotation.Uuid),
            _ => throw new ArgumentOutOfRangeException(nameof(column), column.Kind, "unknown column kind"),
        };
        return new ParquetLeaf(column.Name, type, column.Nullable, annotation);
    }
}
