namespace Backups.Snapshots.Columnar;

/// <summary>Where one column chunk was written and what it holds: the footer's <c>ColumnMetaData</c>.</summary>
internal sealed record ColumnChunkInfo(
    ParquetLeaf Leaf,
    IReadOnlyList<int> Encodings,
    long NumValues,
    long TotalUncompressedSize,
    long TotalCompressedSize,
    long DataPageOffset,
    long? DictionaryPageOffset,
    ColumnStatistics Statistics)
{
    public long StartOffset => DictionaryPageOffset ?? DataPageOffset;
}
