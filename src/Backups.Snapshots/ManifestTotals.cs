namespace Backups.Snapshots;

/// <summary>Sums over a manifest's tables: table, row and part counts, and the bytes of all parts.</summary>
public sealed record ManifestTotals(int Tables, long Rows, int Parts, long Bytes)
{
    public static ManifestTotals Of(IReadOnlyList<ManifestTable> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        return new(
            tables.Count,
            tables.Sum(t => t.RowCount),
            tables.Sum(t => t.Parts.Count),
            tables.Sum(t => t.Parts.Sum(p => p.Size)));
    }
}
