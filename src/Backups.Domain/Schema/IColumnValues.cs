namespace Backups.Domain.Schema;

/// <summary>
/// One column of a <see cref="IColumnarBatch"/>: its non-null values in storage form, and which rows are null.
/// </summary>
public interface IColumnValues
{
    ColumnKind Kind { get; }

    /// <summary>One definition level per row (1: a value, 0: null); empty when no row of the batch is null.</summary>
    ReadOnlySpan<byte> Levels { get; }

    /// <summary>
    /// Fixed-size kinds: the non-null values back to back, little-endian. Boolean: 1 byte; Int16 (widened), Int32 and
    /// Date (days since 1970-01-01): 4 bytes; Int64, Time (microseconds since midnight), Timestamp and TimestampTz
    /// (microseconds since 1970-01-01): 8 bytes; Float32: 4; Float64: 8; Uuid: 16 bytes in RFC 4122 order.
    /// Empty for the byte-array kinds.
    /// </summary>
    ReadOnlySpan<byte> FixedValues { get; }

    /// <summary>Text-like kinds (UTF-8) and Binary: the non-null values' bytes back to back.</summary>
    ReadOnlySpan<byte> Data { get; }

    /// <summary>Text-like kinds and Binary: the end offset in <see cref="Data"/> of each non-null value.</summary>
    ReadOnlySpan<int> Ends { get; }
}
