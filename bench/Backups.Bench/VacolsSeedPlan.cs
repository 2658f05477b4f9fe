using System.Globalization;
using Backups.TestFixtures.Vacols;

namespace Backups.Bench;

/// <summary>
/// How far each VACOLS fixture table is scaled: the asked scale, or less for a table whose key columns have no
/// room for that many new keys (TBSCHED, HEARSCHED), so that any scale builds every table.
/// </summary>
internal sealed class VacolsSeedPlan
{
    private VacolsSeedPlan(int scale, IReadOnlyList<(VacolsTable Table, int Scale)> tables)
    {
        Scale = scale;
        Tables = tables;
    }

    public int Scale { get; }

    public IReadOnlyList<(VacolsTable Table, int Scale)> Tables { get; }

    public long ExpectedRows => Tables.Sum(t => (long)t.Table.Rows.Count * t.Scale);

    /// <summary>The tables grouped by the scale they are built at, largest first.</summary>
    public IEnumerable<(int Scale, IReadOnlyList<string> Names)> Groups =>
        Tables.GroupBy(t => t.Scale)
            .OrderByDescending(g => g.Key)
            .Select(g => (g.Key, (IReadOnlyList<string>)[.. g.Select(t => t.Table.Name)]));

    public static VacolsSeedPlan For(int scale) =>
        new(scale, [.. VacolsFixture.Tables.Select(t => (t, LargestScale(t, scale)))]);

    public IEnumerable<string> Describe()
    {
        foreach (var (table, scale) in Tables)
        {
            var note = scale < Scale ? $" (clamped from {Scale}x: its key has no room for more copies)" : "";
            yield return string.Create(
                CultureInfo.InvariantCulture,
                $"  {table.Name,-10} {table.Rows.Count,6:N0} sample rows x {scale,-5} = {(long)table.Rows.Count * scale,10:N0}{note}");
        }
    }

    private static int LargestScale(VacolsTable table, int wanted)
    {
        if (Fits(table, wanted))
        {
            return wanted;
        }

        int low = 1, high = wanted - 1;
        while (low < high)
        {
            var middle = low + ((high - low + 1) / 2);
            if (Fits(table, middle))
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return low;
    }

    private static bool Fits(VacolsTable table, int scale)
    {
        try
        {
            _ = VacolsKeys.For(table, scale);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
