using System.Globalization;

namespace Backups.IntegrationTests.Support;

/// <summary>Exact comparison of rows of canonical values (bytes by content, floats by bits, DateTime with its Kind).</summary>
internal static class Rows
{
    public static void ShouldBeExactly(IReadOnlyList<object?[]> actual, IReadOnlyList<object?[]> expected, string what)
    {
        actual.Count.ShouldBe(expected.Count, $"{what}: row count");
        for (var r = 0; r < expected.Count; r++)
        {
            actual[r].Length.ShouldBe(expected[r].Length, $"{what}, row {r + 1}: value count");
            for (var c = 0; c < expected[r].Length; c++)
            {
                if (!Same(actual[r][c], expected[r][c]))
                {
                    throw new ShouldAssertException(
                        $"{what}, row {r + 1}, column {c + 1}: expected {Describe(expected[r][c])}, read back {Describe(actual[r][c])}");
                }
            }
        }
    }

    public static bool Same(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (byte[] x, byte[] y) => x.AsSpan().SequenceEqual(y),
        (float x, float y) => BitConverter.SingleToInt32Bits(x) == BitConverter.SingleToInt32Bits(y),
        (double x, double y) => BitConverter.DoubleToInt64Bits(x) == BitConverter.DoubleToInt64Bits(y),
        (DateTime x, DateTime y) => x.Ticks == y.Ticks && x.Kind == y.Kind,
        _ => a.GetType() == b.GetType() && a.Equals(b),
    };

    private static string Describe(object? value) => value switch
    {
        null => "NULL",
        byte[] bytes => $"byte[{bytes.Length}] {Convert.ToHexString(bytes)}",
        DateTime t => $"DateTime {t.ToString("O", CultureInfo.InvariantCulture)} ({t.Kind})",
        IFormattable f => $"{value.GetType().Name} {f.ToString(null, CultureInfo.InvariantCulture)}",
        _ => $"{value.GetType().Name} '{value}'",
    };
}
