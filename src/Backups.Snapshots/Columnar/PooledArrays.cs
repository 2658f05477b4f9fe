using System.Buffers;

namespace Backups.Snapshots.Columnar;

/// <summary>Arrays from the shared pools, grown by doubling and given back when no longer needed.</summary>
internal static class PooledArrays
{
    private const int MinimumLength = 1024;

    /// <summary>Makes <paramref name="array"/> hold at least <paramref name="needed"/> items, keeping its contents.</summary>
    public static void Grow<T>(ref T[] array, int needed)
    {
        if (needed <= array.Length)
        {
            return;
        }

        var next = ArrayPool<T>.Shared.Rent(Math.Max(needed, Math.Max(MinimumLength, (int)Math.Min(array.Length * 2L, Array.MaxLength))));
        array.AsSpan().CopyTo(next);
        Return(ref array);
        array = next;
    }

    /// <summary>Makes <paramref name="array"/> hold at least <paramref name="needed"/> items, discarding its contents.</summary>
    public static void Rent<T>(ref T[] array, int needed)
    {
        if (array.Length < needed)
        {
            Return(ref array);
            array = ArrayPool<T>.Shared.Rent(needed);
        }
    }

    public static void Return<T>(ref T[] array)
    {
        if (array.Length > 0)
        {
            ArrayPool<T>.Shared.Return(array);
        }

        array = [];
    }
}
