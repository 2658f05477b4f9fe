using System.Globalization;

namespace Backups.Sources.Tests.Support;

/// <summary>Asserts values are the same CLR type and the same value: floats bit for bit (so -0 is not 0; any NaN is NaN), DateTime ticks and kind, bytes.</summary>
internal static class ExactValues
{
    public static void ShouldBeExactly(this object? actual, object? expected, string where)
    {
        if (expected is null)
        {
            actual.ShouldBeNull(where);
            return;
        }

        actual.ShouldNotBeNull(where);
        actual.GetType().ShouldBe(expected.GetType(), where);
        switch (expected)
        {
            case double d when double.IsNaN(d):
                double.IsNaN((double)actual).ShouldBeTrue($"{where}: {Show(actual)} is not NaN");
                break;
            case float f when float.IsNaN(f):
                float.IsNaN((float)actual).ShouldBeTrue($"{where}: {Show(actual)} is not NaN");
                break;
            case double d:
                BitConverter.DoubleToInt64Bits((double)actual).ShouldBe(BitConverter.DoubleToInt64Bits(d), $"{where}: {Show(actual)} vs {Show(d)}");
                break;
            case float f:
                BitConverter.SingleToInt32Bits((float)actual).ShouldBe(BitConverter.SingleToInt32Bits(f), $"{where}: {Show(actual)} vs {Show(f)}");
                break;
            case byte[] bytes:
                ((byte[])actual).ShouldBe(bytes, where);
                break;
            case DateTime dt:
                ((DateTime)actual).Kind.ShouldBe(dt.Kind, where);
                ((DateTime)actual).Ticks.ShouldBe(dt.Ticks, where);
                break;
            default:
                actual.ShouldBe(expected, where);
                break;
        }
    }

    public static void ShouldBeExactly(this IReadOnlyList<object?[]> actual, IReadOnlyList<object?[]> expected, IReadOnlyList<string> columns)
    {
        actual.Count.ShouldBe(expected.Count, "row count");
        for (var r = 0; r < expected.Count; r++)
        {
            actual[r].Length.ShouldBe(expected[r].Length, $"row {r + 1} width");
            for (var c = 0; c < expected[r].Length; c++)
            {
                actual[r][c].ShouldBeExactly(expected[r][c], $"row {r + 1}, column {columns[c]}");
            }
        }
    }

    private static string Show(object value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
}
