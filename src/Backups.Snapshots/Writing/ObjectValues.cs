using Backups.Domain.Schema;
using Backups.Snapshots.Columnar;

namespace Backups.Snapshots.Writing;

/// <summary>
/// Appends a value of a column kind's canonical CLR type (see <see cref="ColumnKind"/>) to a column sink, checking
/// the type and that the value can be stored exactly (<see cref="CanonicalValues"/>).
/// </summary>
internal static class ObjectValues
{
    private static readonly long UnixEpochTicks = DateTime.UnixEpoch.Ticks;
    private static readonly int UnixEpochDay = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    public static void Append(IColumnSink sink, ColumnKind kind, object? value)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (value is null)
        {
            sink.AppendNull();
            return;
        }

        switch (kind)
        {
            case ColumnKind.Boolean:
                sink.AppendBoolean(CanonicalValues.ToBoolean(value));
                break;
            case ColumnKind.Int16:
                sink.AppendInt16(CanonicalValues.ToInt16(value));
                break;
            case ColumnKind.Int32:
                sink.AppendInt32(CanonicalValues.ToInt32(value));
                break;
            case ColumnKind.Int64:
                sink.AppendInt64(CanonicalValues.ToInt64(value));
                break;
            case ColumnKind.Float32:
                sink.AppendFloat32(CanonicalValues.ToFloat32(value));
                break;
            case ColumnKind.Float64:
                sink.AppendFloat64(CanonicalValues.ToFloat64(value));
                break;
            case ColumnKind.Decimal or ColumnKind.Text or ColumnKind.Json or ColumnKind.DialectText:
                var text = CanonicalValues.ToText(value, kind);
                if (sink is ByteArrayChunkBuffer chunk)
                {
                    chunk.AppendString(text);
                }
                else
                {
                    sink.AppendUtf8(System.Text.Encoding.UTF8.GetBytes(text));
                }

                break;
            case ColumnKind.Binary:
                sink.AppendBytes(CanonicalValues.ToBinary(value));
                break;
            case ColumnKind.Date:
                sink.AppendDate(CanonicalValues.ToDate(value).DayNumber - UnixEpochDay);
                break;
            case ColumnKind.Time:
                sink.AppendTime(CanonicalValues.ToTimeMicros(value));
                break;
            case ColumnKind.Timestamp:
                sink.AppendTimestamp((CanonicalValues.ToTimestamp(value).Ticks - UnixEpochTicks) / TimeSpan.TicksPerMicrosecond);
                break;
            case ColumnKind.TimestampTz:
                sink.AppendTimestamp((CanonicalValues.ToTimestampTz(value).Ticks - UnixEpochTicks) / TimeSpan.TicksPerMicrosecond);
                break;
            case ColumnKind.Uuid:
                Span<byte> bytes = stackalloc byte[16];
                CanonicalValues.ToUuid(value).TryWriteBytes(bytes, bigEndian: true, out _);
                sink.AppendUuid(bytes);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown column kind");
        }
    }
}
