namespace Backups.Snapshots.Columnar;

/// <summary>One written row group: the footer's <c>RowGroup</c>.</summary>
internal sealed record RowGroupInfo(IReadOnlyList<ColumnChunkInfo> Columns, long NumRows)
{
    public long FileOffset => Columns.Count == 0 ? 0 : Columns[0].StartOffset;

    public long TotalByteSize => Columns.Sum(c => c.TotalUncompressedSize);

    public long TotalCompressedSize => Columns.Sum(c => c.TotalCompressedSize);
}
