using System.Text;
using Backups.Domain.Schema;

namespace Backups.Snapshots.Writing;

/// <summary>
/// Checks that a value has exactly the canonical CLR type of its kind (see <see cref="ColumnKind"/>) and can be
/// stored without loss, and converts it to what the Parquet column holds. Anything else throws
/// <see cref="ArgumentException"/>: a snapshot never silently alters a value.
/// </summary>
internal static class CanonicalValues
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMicrosecond;

    public static bool ToBoolean(object value) => value is bool v ? v : throw WrongType(value, typeof(bool));

    public static short ToInt16(object value) => value is short v ? v : throw WrongType(value, typeof(short));

    public static int ToInt32(object value) => value is int v ? v : throw WrongType(value, typeof(int));

    public static long ToInt64(object value) => value is long v ? v : throw WrongType(value, typeof(long));

    public static float ToFloat32(object value) => value is float v ? v : throw WrongType(value, typeof(float));

    public static double ToFloat64(object value) => value is double v ? v : throw WrongType(value, typeof(double));

    public static DateOnly ToDate(object value) => value is DateOnly v ? v : throw WrongType(value, typeof(DateOnly));

    public static Guid ToUuid(object value) => value is Guid v ? v : throw WrongType(value, typeof(Guid));

    /// <summary>Microseconds since midnight.</summary>
    public static long ToTimeMicros(object value)
    {
        if (value is not TimeOnly time)
        {
            throw WrongType(value, typeof(TimeOnly));
        }

        return time.Ticks % TicksPerMicrosecond == 0
            ? time.Ticks / TicksPerMicrosecond
            : throw new ArgumentException($"time {time:HH:mm:ss.fffffff} has sub-microsecond precision, which the snapshot format does not keep");
    }

    public static DateTime ToTimestamp(object value) => ToDateTime(value, DateTimeKind.Unspecified, "Timestamp");

    public static DateTime ToTimestampTz(object value) => ToDateTime(value, DateTimeKind.Utc, "TimestampTz");

    public static string ToText(object value, ColumnKind kind)
    {
        if (value is not string text)
        {
            throw WrongType(value, typeof(string));
        }

        if (text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0 && !IsValidUtf16(text))
        {
            throw new ArgumentException($"the {kind} value contains an unpaired surrogate, which UTF-8 (and so Parquet) cannot store");
        }

        return text;
    }

    public static byte[] ToBinary(object value) => value as byte[] ?? throw WrongType(value, typeof(byte[]));

    private static DateTime ToDateTime(object value, DateTimeKind kind, string kindName)
    {
        if (value is not DateTime time)
        {
            throw WrongType(value, typeof(DateTime));
        }

        if (time.Kind != kind)
        {
            throw new ArgumentException($"a {kindName} value must be a DateTime of kind {kind}, got kind {time.Kind} ({time:O})");
        }

        return time.Ticks % TicksPerMicrosecond == 0
            ? time
            : throw new ArgumentException($"timestamp {time:O} has sub-microsecond precision, which the snapshot format does not keep");
    }

    private static bool IsValidUtf16(string text)
    {
        var span = text.AsSpan();
        while (!span.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(span, out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return false;
            }

            span = span[consumed..];
        }

        return true;
    }

    private static ArgumentException WrongType(object value, Type expected) =>
        new($"expected a {expected.Name}, got a {value.GetType().FullName}");
}
