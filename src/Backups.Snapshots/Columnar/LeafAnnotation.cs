namespace Backups.Snapshots.Columnar;

/// <summary>The logical (and, where Parquet has one, converted) type a column's schema element carries.</summary>
internal enum LeafAnnotation
{
    None,
    String,
    Int16,
    Int32,
    Int64,
    Date,
    TimeMicros,
    TimestampMicros,
    TimestampMicrosUtc,
    Uuid,
}
