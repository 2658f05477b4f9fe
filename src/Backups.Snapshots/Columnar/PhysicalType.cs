namespace Backups.Snapshots.Columnar;

/// <summary>Parquet's physical types (the values of its Thrift enum <c>Type</c>) that snapshots use.</summary>
internal enum PhysicalType
{
    Boolean = 0,
    Int32 = 1,
    Int64 = 2,
    Float = 4,
    Double = 5,
    ByteArray = 6,
    FixedLenByteArray = 7,
}
