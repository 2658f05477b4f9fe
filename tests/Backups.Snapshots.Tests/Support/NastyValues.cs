using Backups.Domain.Schema;

namespace Backups.Snapshots.Tests.Support;

/// <summary>Values of each kind that tend to break formats: extremes, empties, NaN payloads, zero bytes, odd Unicode.</summary>
internal static class NastyValues
{
    public static IReadOnlyList<object> For(ColumnKind kind) => kind switch
    {
        ColumnKind.Boolean => [true, false],
        ColumnKind.Int16 => [short.MinValue, (short)-1, (short)0, short.MaxValue],
        ColumnKind.Int32 => [int.MinValue, -1, 0, int.MaxValue],
        ColumnKind.Int64 => [long.MinValue, -1L, 0L, long.MaxValue],
        ColumnKind.Float32 =>
        [
            -0f, 0f, float.NaN, BitConverter.Int32BitsToSingle(0x7fc0_0001), float.PositiveInfinity, float.NegativeInfinity,
            float.Epsilon, float.MaxValue, float.MinValue, 0.1f,
        ],
        ColumnKind.Float64 =>
        [
            -0d, 0d, double.NaN, BitConverter.Int64BitsToDouble(0x7ff0_0000_0000_0123), BitConverter.Int64BitsToDouble(unchecked((long)0xfff8_0000_0000_0001)),
            double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, double.MaxValue, double.MinValue, 0.1, 1e-300,
        ],
        ColumnKind.Decimal =>
        [
            "0", "-0.00", "-12.3400", "123456789012345678901234567890.123456789012345678901234567890", "NaN", "Infinity", "-Infinity", "0.000000000000000000001",
        ],
        ColumnKind.Text =>
        [
            string.Empty, " ", "NULL", "null", "héllo wörld", "日本語のテキスト", "emoji 😀 👩‍👩‍👧 flag 🇺🇸", "\0starts and ends with NUL\0",
            "line\nbreak\r\nand\ttab", "مرحبا بالعالم", "e\u0301 combining", "\uFEFFbyte order mark", new string('x', 70_000), "\\\"quoted\\\"",
        ],
        ColumnKind.Binary =>
        [
            Array.Empty<byte>(), new byte[] { 0 }, new byte[] { 0, 0, 0 }, Enumerable.Range(0, 256).Select(i => (byte)i).ToArray(),
            Enumerable.Range(0, 100_000).Select(i => (byte)(i * 7919 % 251)).ToArray(), "PAR1"u8.ToArray(),
        ],
        ColumnKind.Date =>
        [
            DateOnly.MinValue, DateOnly.MaxValue, new DateOnly(1970, 1, 1), new DateOnly(1969, 12, 31), new DateOnly(2000, 2, 29), new DateOnly(1582, 10, 4),
        ],
        ColumnKind.Time =>
        [
            TimeOnly.MinValue, new TimeOnly(23, 59, 59).Add(TimeSpan.FromMicroseconds(999_999)), new TimeOnly(0, 0).Add(TimeSpan.FromMicroseconds(1)),
            new TimeOnly(12, 34, 56).Add(TimeSpan.FromMicroseconds(789_012)),
        ],
        ColumnKind.Timestamp => Timestamps(DateTimeKind.Unspecified),
        ColumnKind.TimestampTz => Timestamps(DateTimeKind.Utc),
        ColumnKind.Uuid =>
        [
            Guid.Empty, Guid.AllBitsSet, Guid.Parse("01020304-0506-0708-090a-0b0c0d0e0f10"), Guid.Parse("f81d4fae-7dec-11d0-a765-00a0c91e6bf6"),
        ],
        ColumnKind.Json =>
        [
            "{}", "[]", "\"\"", "null", "{\"a\": [1, 2.50, null], \"b\": {\"c\": \"ü\"}}", "  { \"spacing\" :  true }  ", "{\"big\": 12345678901234567890123}",
        ],
        ColumnKind.DialectText => ["{1,2,3}", "{}", "1 day 02:03:04.5", "192.168.0.1/24", "12:00:00+05:30", "(1,2)", string.Empty],
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static object[] Timestamps(DateTimeKind kind) =>
    [
        new DateTime(1, 1, 1, 0, 0, 0, kind),
        new DateTime(9999, 12, 31, 23, 59, 59, kind).AddTicks(9_999_990),
        new DateTime(1970, 1, 1, 0, 0, 0, kind),
        new DateTime(1969, 12, 31, 23, 59, 59, kind).AddTicks(9_999_990),
        new DateTime(2024, 2, 29, 12, 0, 0, kind).AddTicks(10),
        new DateTime(2024, 3, 10, 2, 30, 0, kind),
        new DateTime(1900, 1, 1, 0, 0, 0, kind).AddTicks(1_234_560),
    ];
}
