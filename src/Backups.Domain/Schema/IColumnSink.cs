namespace Backups.Domain.Schema;

/// <summary>
/// Receives the values of one column, one per row, in row order, in the column kind's storage form: the form a
/// source can hand over without building an object per value. Only the methods of the column's
/// <see cref="ColumnKind"/> may be called (any other throws); <see cref="AppendNull"/> only for a nullable column.
/// A value that cannot be stored exactly (text that is not valid UTF-8, say) throws <see cref="ArgumentException"/>.
/// </summary>
public interface IColumnSink
{
    void AppendNull();

    void AppendBoolean(bool value);

    void AppendInt16(short value);

    void AppendInt32(int value);

    void AppendInt64(long value);

    void AppendFloat32(float value);

    void AppendFloat64(double value);

    /// <summary>Text, Json, Decimal and DialectText: the value's UTF-8 bytes.</summary>
    void AppendUtf8(ReadOnlySpan<byte> value);

    /// <summary>Binary.</summary>
    void AppendBytes(ReadOnlySpan<byte> value);

    /// <summary>Date: days since 1970-01-01 (years 1 to 9999).</summary>
    void AppendDate(int daysSinceUnixEpoch);

    /// <summary>Time: microseconds since midnight, below 24:00.</summary>
    void AppendTime(long microseconds);

    /// <summary>Timestamp (wall clock) and TimestampTz (UTC): microseconds since 1970-01-01T00:00 (years 1 to 9999).</summary>
    void AppendTimestamp(long microsecondsSinceUnixEpoch);

    /// <summary>Uuid: the 16 bytes in RFC 4122 (network) order.</summary>
    void AppendUuid(ReadOnlySpan<byte> value);
}
