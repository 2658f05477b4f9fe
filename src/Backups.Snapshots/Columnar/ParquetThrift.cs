namespace Backups.Snapshots.Columnar;

/// <summary>
/// Parquet's Thrift structures as snapshots write them (parquet-format's parquet.thrift: field ids and enum values
/// are the ones defined there): page headers and the file footer.
/// </summary>
internal static class ParquetThrift
{
    private const int CodecZstd = 6;
    private const int PageData = 0;
    private const int PageDictionary = 2;

    public static void DataPageHeader(ThriftCompactWriter w, int uncompressed, int compressed, int values, PageEncoding encoding)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.I32(1, PageData);
        w.I32(2, uncompressed);
        w.I32(3, compressed);
        w.BeginStruct(5);
        w.I32(1, values);
        w.I32(2, (int)encoding);
        w.I32(3, (int)PageEncoding.Rle);
        w.I32(4, (int)PageEncoding.Rle);
        w.EndStruct();
        w.Stop();
    }

    public static void DictionaryPageHeader(ThriftCompactWriter w, int uncompressed, int compressed, int values)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.I32(1, PageDictionary);
        w.I32(2, uncompressed);
        w.I32(3, compressed);
        w.BeginStruct(7);
        w.I32(1, values);
        w.I32(2, (int)PageEncoding.Plain);
        w.Bool(3, false);
        w.EndStruct();
        w.Stop();
    }

    public static void FileMetaData(
        ThriftCompactWriter w, IReadOnlyList<ParquetLeaf> leaves, IReadOnlyList<RowGroupInfo> rowGroups,
        IReadOnlyDictionary<string, string> keyValues, string createdBy)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(leaves);
        ArgumentNullException.ThrowIfNull(rowGroups);
        ArgumentNullException.ThrowIfNull(keyValues);
        w.I32(1, 1);
        w.BeginStructList(2, leaves.Count + 1);
        w.BeginListStruct();
        w.String(4, "root");
        w.I32(5, leaves.Count);
        w.EndStruct();
        foreach (var leaf in leaves)
        {
            SchemaElement(w, leaf);
        }

        w.I64(3, rowGroups.Sum(g => g.NumRows));
        w.BeginStructList(4, rowGroups.Count);
        foreach (var group in rowGroups)
        {
            RowGroup(w, group);
        }

        w.BeginStructList(5, keyValues.Count);
        foreach (var (key, value) in keyValues.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            w.BeginListStruct();
            w.String(1, key);
            w.String(2, value);
            w.EndStruct();
        }

        w.String(6, createdBy);
        w.BeginStructList(7, leaves.Count);
        foreach (var _ in leaves)
        {
            // TYPE_ORDER: min and max statistics follow the type's own sort order.
            w.BeginListStruct();
            w.EmptyStruct(1);
            w.EndStruct();
        }

        w.Stop();
    }

    private static void SchemaElement(ThriftCompactWriter w, ParquetLeaf leaf)
    {
        w.BeginListStruct();
        w.I32(1, (int)leaf.Type);
        if (leaf.Type == PhysicalType.FixedLenByteArray)
        {
            w.I32(2, ParquetLeaf.UuidLength);
        }

        w.I32(3, leaf.Optional ? 1 : 0);
        w.String(4, leaf.Name);
        var converted = leaf.Annotation switch
        {
            LeafAnnotation.String => 0,
            LeafAnnotation.Date => 6,
            LeafAnnotation.Int16 => 16,
            LeafAnnotation.Int32 => 17,
            LeafAnnotation.Int64 => 18,
            _ => -1,
        };
        if (converted >= 0)
        {
            w.I32(6, converted);
        }

        if (leaf.Annotation != LeafAnnotation.None)
        {
            w.BeginStruct(10);
            LogicalType(w, leaf.Annotation);
            w.EndStruct();
        }

        w.EndStruct();
    }

    private static void LogicalType(ThriftCompactWriter w, LeafAnnotation annotation)
    {
        switch (annotation)
        {
            case LeafAnnotation.String:
                w.EmptyStruct(1);
                break;
            case LeafAnnotation.Date:
                w.EmptyStruct(6);
                break;
            case LeafAnnotation.TimeMicros:
                TimeLike(w, 7, adjustedToUtc: false);
                break;
            case LeafAnnotation.TimestampMicros:
                TimeLike(w, 8, adjustedToUtc: false);
                break;
            case LeafAnnotation.TimestampMicrosUtc:
                TimeLike(w, 8, adjustedToUtc: true);
                break;
            case LeafAnnotation.Int16 or LeafAnnotation.Int32 or LeafAnnotation.Int64:
                w.BeginStruct(10);
                w.Byte(1, annotation switch { LeafAnnotation.Int16 => 16, LeafAnnotation.Int32 => 32, _ => 64 });
                w.Bool(2, true);
                w.EndStruct();
                break;
            case LeafAnnotation.Uuid:
                w.EmptyStruct(14);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(annotation), annotation, null);
        }
    }

    private static void TimeLike(ThriftCompactWriter w, short id, bool adjustedToUtc)
    {
        w.BeginStruct(id);
        w.Bool(1, adjustedToUtc);
        w.BeginStruct(2);
        w.EmptyStruct(2); // MICROS
        w.EndStruct();
        w.EndStruct();
    }

    private static void RowGroup(ThriftCompactWriter w, RowGroupInfo group)
    {
        w.BeginListStruct();
        w.BeginStructList(1, group.Columns.Count);
        foreach (var column in group.Columns)
        {
            ColumnChunk(w, column);
        }

        w.I64(2, group.TotalByteSize);
        w.I64(3, group.NumRows);
        w.I64(5, group.FileOffset);
        w.I64(6, group.TotalCompressedSize);
        w.EndStruct();
    }

    private static void ColumnChunk(ThriftCompactWriter w, ColumnChunkInfo chunk)
    {
        w.BeginListStruct();
        w.I64(2, chunk.StartOffset);
        w.BeginStruct(3);
        w.I32(1, (int)chunk.Leaf.Type);
        w.I32List(2, [.. chunk.Encodings]);
        w.StringList(3, [chunk.Leaf.Name]);
        w.I32(4, CodecZstd);
        w.I64(5, chunk.NumValues);
        w.I64(6, chunk.TotalUncompressedSize);
        w.I64(7, chunk.TotalCompressedSize);
        w.I64(9, chunk.DataPageOffset);
        if (chunk.DictionaryPageOffset is { } dictionary)
        {
            w.I64(11, dictionary);
        }

        w.BeginStruct(12);
        var stats = chunk.Statistics;
        var legacy = chunk.Leaf.Type is PhysicalType.Int32 or PhysicalType.Int64;
        if (legacy && stats.Max is not null && stats.Min is not null)
        {
            // The deprecated min/max have signed order: the same as the type's for integers, so readers of either agree.
            w.Binary(1, stats.Max);
            w.Binary(2, stats.Min);
        }

        w.I64(3, stats.NullCount);
        if (stats.Max is not null && stats.Min is not null)
        {
            w.Binary(5, stats.Max);
            w.Binary(6, stats.Min);
        }

        w.EndStruct();
        w.EndStruct();
        w.EndStruct();
    }
}
