using System.Globalization;

namespace Backups.Snapshots.Tests.Support;

/// <summary>Exact equality of canonical values: same CLR type, same bits for floats, same bytes, same ticks and kind.</summary>
internal static class ExactValues
{
    public static bool Same(object? expected, object? actual) => (expected, actual) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        _ when expected.GetType() != actual.GetType() => false,
        (double x, double y) => BitConverter.DoubleToInt64Bits(x) == BitConverter.DoubleToInt64Bits(y),
        (float x, float y) => BitConverter.SingleToInt32Bits(x) == BitConverter.SingleToInt32Bits(y),
        (byte[] x, byte[] y) => x.AsSpan().SequenceEqual(y),
        (DateTime x, DateTime y) => x.Ticks == y.Ticks && x.Kind == y.Kind,
        (string x, string y) => string.Equals(x, y, StringComparison.Ordinal),
        _ => expected.Equals(actual),
    };

    public static string Describe(object? value) => value switch
    {
        null => "NULL",
        double d => $"double {d.ToString("R", CultureInfo.InvariantCulture)} (0x{BitConverter.DoubleToInt64Bits(d):x16})",
        float f => $"float {f.ToString("R", CultureInfo.InvariantCulture)} (0x{BitConverter.SingleToInt32Bits(f):x8})",
        byte[] b => $"byte[{b.Length}] {Convert.ToHexString(b.AsSpan(0, Math.Min(16, b.Length)))}",
        DateTime t => $"DateTime {t:O} {t.Kind}",
        string s => $"string[{s.Length}] \"{(s.Length > 40 ? s[..40] + "..." : s)}\"",
        _ => $"{value.GetType().Name} {value}",
    };

    public static void ShouldMatch(IReadOnlyList<object?[]> actual, IReadOnlyList<object?[]> expected)
    {
        actual.Count.ShouldBe(expected.Count, "row count");
        for (var r = 0; r < expected.Count; r++)
        {
            actual[r].Length.ShouldBe(expected[r].Length, $"row {r} width");
            for (var c = 0; c < expected[r].Length; c++)
            {
                if (!Same(expected[r][c], actual[r][c]))
                {
                    throw new ShouldAssertException(
                        $"row {r}, column {c}: expected {Describe(expected[r][c])}, got {Describe(actual[r][c])}");
                }
            }
        }
    }
}
