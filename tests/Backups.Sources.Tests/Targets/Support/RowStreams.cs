using System.Runtime.CompilerServices;

namespace Backups.Sources.Tests.Targets.Support;

/// <summary>Row sources for loads: plain lists, and sources that fail part-way.</summary>
internal static class RowStreams
{
    public static async IAsyncEnumerable<object?[]> From(IEnumerable<object?[]> rows, [EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return row;
        }
    }

    /// <summary>Yields <paramref name="rows"/>, then throws <paramref name="error"/>, like a snapshot reader hitting a corrupt part.</summary>
    public static async IAsyncEnumerable<object?[]> ThenFail(IEnumerable<object?[]> rows, Exception error)
    {
        foreach (var row in rows)
        {
            await Task.Yield();
            yield return row;
        }

        throw error;
    }

    /// <summary>Rows produced on the fly: <paramref name="count"/> rows made by <paramref name="make"/> from 1, 2, ...</summary>
    public static async IAsyncEnumerable<object?[]> Generate(long count, Func<long, object?[]> make)
    {
        for (var i = 1L; i <= count; i++)
        {
            if (i % 4096 == 0)
            {
                await Task.Yield();
            }

            yield return make(i);
        }
    }

    public static async Task<List<object?[]>> ToListAsync(this IAsyncEnumerable<object?[]> rows)
    {
        var list = new List<object?[]>();
        await foreach (var row in rows)
        {
            list.Add(row);
        }

        return list;
    }
}
