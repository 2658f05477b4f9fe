using System.Numerics;
using System.Runtime.InteropServices;

namespace Backups.Snapshots.Columnar;

/// <summary>Minimum and maximum of integer-stored columns, in plain (little-endian) encoding.</summary>
internal static class IntegerStatistics
{
    public static ColumnStatistics Of<T>(ReadOnlySpan<T> values, long nullCount)
        where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>
    {
        if (values.IsEmpty)
        {
            return new ColumnStatistics(nullCount, null, null);
        }

        var min = T.MaxValue;
        var max = T.MinValue;
        foreach (var value in values)
        {
            min = T.Min(min, value);
            max = T.Max(max, value);
        }

        return new ColumnStatistics(nullCount, Bytes(min), Bytes(max));
    }

    private static byte[] Bytes<T>(T value)
        where T : unmanaged => MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in value)).ToArray();
}
