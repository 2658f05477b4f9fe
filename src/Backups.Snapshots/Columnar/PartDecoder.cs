using System.Buffers;
using System.Buffers.Binary;
using Backups.Domain.Schema;
using ZstdSharp;

namespace Backups.Snapshots.Columnar;

/// <summary>
/// Decodes the parts this tool's encoder writes (<see cref="ChunkEncoder"/>: data pages v1, plain or dictionary
/// values, RLE levels, zstd) row group by row group into a <see cref="DecodedBatch"/>: the bulk path of a
/// restore. Files written otherwise are not for it (<see cref="TryOpen"/> says so); read them row by row.
/// </summary>
internal sealed class PartDecoder : IDisposable
{
    private const int CodecNone = 0;
    private const int CodecZstd = 6;

    private readonly FileStream _file;
    private readonly PartFooter _footer;
    private readonly Decompressor _zstd = new();
    private byte[] _chunk = [];
    private byte[] _page = [];
    private int[] _indices = [];
    private DecodedColumn? _dictionary;

    private PartDecoder(FileStream file, PartFooter footer, IReadOnlyList<ManifestColumn> columns)
    {
        _file = file;
        _footer = footer;
        Batch = new DecodedBatch(columns);
    }

    public DecodedBatch Batch { get; }

    public int RowGroupCount => _footer.RowGroups.Count;

    /// <summary>A decoder for the file when this tool wrote it with exactly these columns; null otherwise.</summary>
    public static PartDecoder? TryOpen(string path, IReadOnlyList<ManifestColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.RandomAccess);
        try
        {
            var footer = PartFooter.Read(file);
            if (!footer.WrittenByThisTool || footer.Leaves.Count != columns.Count
                || footer.RowGroups.Any(g => g.Chunks.Count != columns.Count || g.Chunks.Any(c => c.Codec is not (CodecZstd or CodecNone))))
            {
                file.Dispose();
                return null;
            }

            for (var i = 0; i < columns.Count; i++)
            {
                var leaf = ParquetLeaf.For(columns[i]);
                if (footer.Leaves[i] != (leaf.Name, leaf.Type, leaf.Optional))
                {
                    file.Dispose();
                    return null;
                }
            }

            return new PartDecoder(file, footer, columns);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Decodes one row group into <see cref="Batch"/>, replacing what it held.</summary>
    public void Decode(int rowGroup)
    {
        var group = _footer.RowGroups[rowGroup];
        Batch.Clear();
        Batch.RowCount = checked((int)group.Rows);
        for (var c = 0; c < group.Chunks.Count; c++)
        {
            var column = Batch.Columns[c];
            DecodeChunk(group.Chunks[c], column);
            if (column.RowCount != Batch.RowCount)
            {
                throw new InvalidDataException($"column '{column.Column.Name}' holds {column.RowCount} rows in row group {rowGroup}, the row group {Batch.RowCount}");
            }
        }
    }

    public void Dispose()
    {
        _file.Dispose();
        _zstd.Dispose();
        PooledArrays.Return(ref _chunk);
        PooledArrays.Return(ref _page);
        PooledArrays.Return(ref _indices);
        Batch.Release();
        _dictionary?.Release();
    }

    private void DecodeChunk(PartFooter.Chunk chunk, DecodedColumn column)
    {
        var size = checked((int)chunk.CompressedSize);
        PooledArrays.Rent(ref _chunk, size);
        RandomAccess.Read(_file.SafeFileHandle, _chunk.AsSpan(0, size), chunk.Start);
        var data = _chunk.AsSpan(0, size);
        var dictionaryCount = -1;
        while (column.RowCount < chunk.Values)
        {
            var header = PageHeader.Read(data, out var headerLength);
            data = data[headerLength..];
            if (header.Compressed > data.Length)
            {
                throw new InvalidDataException($"column '{column.Column.Name}': a page runs past its column chunk");
            }

            var body = Decompress(data[..header.Compressed], header.Uncompressed, chunk.Codec);
            data = data[header.Compressed..];
            if (header.IsDictionary)
            {
                dictionaryCount = header.Values;
                LoadDictionary(column, body, header.Values);
            }
            else
            {
                DecodeDataPage(column, body, header, dictionaryCount);
            }
        }
    }

    private ReadOnlySpan<byte> Decompress(ReadOnlySpan<byte> compressed, int size, int codec)
    {
        if (codec == CodecNone)
        {
            return compressed;
        }

        PooledArrays.Rent(ref _page, size);
        var written = _zstd.Unwrap(compressed, _page.AsSpan(0, size));
        return written == size ? _page.AsSpan(0, size) : throw new InvalidDataException("a page decompresses to another size than its header says");
    }

    private void LoadDictionary(DecodedColumn column, ReadOnlySpan<byte> body, int count)
    {
        if (column.Column.Kind is not (ColumnKind.Binary or ColumnKind.Text or ColumnKind.Json or ColumnKind.Decimal or ColumnKind.DialectText))
        {
            throw new InvalidDataException($"column '{column.Column.Name}': a dictionary for a fixed-size column");
        }

        _dictionary ??= new DecodedColumn(column.Column);
        _dictionary.Clear();
        var position = 0;
        for (var i = 0; i < count; i++)
        {
            position = PlainByteArray(body, position, _dictionary);
        }
    }

    private void DecodeDataPage(DecodedColumn column, ReadOnlySpan<byte> body, PageHeader header, int dictionaryCount)
    {
        var rows = header.Values;
        var defined = rows;
        var position = 0;
        if (column.Column.Nullable)
        {
            var length = BinaryPrimitives.ReadInt32LittleEndian(body);
            var levels = column.AddLevels(rows);
            RleHybrid.Decode(body.Slice(4, length), 1, levels);
            var nulls = levels.Count((byte)0);
            column.CountNulls(nulls);
            defined = rows - nulls;
            position = 4 + length;
        }
        else
        {
            column.AddDefinedRows(rows);
        }

        var values = body[position..];
        if (header.Encoding == PageEncoding.RleDictionary)
        {
            if (dictionaryCount < 0 || _dictionary is null)
            {
                throw new InvalidDataException($"column '{column.Column.Name}': dictionary indices without a dictionary page");
            }

            PooledArrays.Rent(ref _indices, defined);
            var indices = _indices.AsSpan(0, defined);
            RleHybrid.Decode(values[1..], values[0], indices);
            var entries = _dictionary.Ends;
            var dictionary = _dictionary.Data;
            foreach (var index in indices)
            {
                if ((uint)index >= (uint)dictionaryCount)
                {
                    throw new InvalidDataException($"column '{column.Column.Name}': dictionary index {index} of {dictionaryCount}");
                }

                var start = index == 0 ? 0 : entries[index - 1];
                column.AddByteArray(dictionary[start..entries[index]]);
            }

            return;
        }

        if (header.Encoding != PageEncoding.Plain)
        {
            throw new InvalidDataException($"column '{column.Column.Name}': page encoding {header.Encoding} is not one this tool writes");
        }

        switch (column.Column.Kind)
        {
            case ColumnKind.Boolean:
                var bools = column.AddFixed(defined);
                for (var i = 0; i < defined; i++)
                {
                    bools[i] = (byte)((values[i >> 3] >> (i & 7)) & 1);
                }

                break;
            case ColumnKind.Binary or ColumnKind.Text or ColumnKind.Json or ColumnKind.Decimal or ColumnKind.DialectText:
                var at = 0;
                for (var i = 0; i < defined; i++)
                {
                    at = PlainByteArray(values, at, column);
                }

                break;
            default:
                var size = FixedSize(column.Column.Kind) * defined;
                values[..size].CopyTo(column.AddFixed(size));
                break;
        }
    }

    private static int PlainByteArray(ReadOnlySpan<byte> data, int position, DecodedColumn target)
    {
        var length = BinaryPrimitives.ReadInt32LittleEndian(data[position..]);
        target.AddByteArray(data.Slice(position + 4, length));
        return position + 4 + length;
    }

    /// <summary>The bytes of one stored value of a fixed-size kind.</summary>
    public static int FixedSize(ColumnKind kind) => kind switch
    {
        ColumnKind.Boolean => 1,
        ColumnKind.Int16 or ColumnKind.Int32 or ColumnKind.Date or ColumnKind.Float32 => 4,
        ColumnKind.Int64 or ColumnKind.Time or ColumnKind.Timestamp or ColumnKind.TimestampTz or ColumnKind.Float64 => 8,
        ColumnKind.Uuid => ParquetLeaf.UuidLength,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a fixed-size kind"),
    };

    /// <summary>The fields of a page header the decoder uses.</summary>
    private readonly record struct PageHeader(bool IsDictionary, int Uncompressed, int Compressed, int Values, PageEncoding Encoding)
    {
        public static PageHeader Read(ReadOnlySpan<byte> data, out int length)
        {
            var r = new ThriftCompactReader(data);
            var type = -1;
            int uncompressed = 0, compressed = 0, values = 0;
            var encoding = PageEncoding.Plain;
            while (r.NextField(out var id, out var fieldType))
            {
                switch (id)
                {
                    case 1:
                        type = r.I32();
                        break;
                    case 2:
                        uncompressed = r.I32();
                        break;
                    case 3:
                        compressed = r.I32();
                        break;
                    case 5 or 7 when fieldType == ThriftCompactReader.TypeStruct:
                        r.BeginStruct();
                        while (r.NextField(out var field, out var inner))
                        {
                            switch (field)
                            {
                                case 1:
                                    values = r.I32();
                                    break;
                                case 2:
                                    encoding = (PageEncoding)r.I32();
                                    break;
                                default:
                                    r.Skip(inner);
                                    break;
                            }
                        }

                        r.EndStruct();
                        break;
                    default:
                        r.Skip(fieldType);
                        break;
                }
            }

            length = r.Position;
            return type switch
            {
                0 => new PageHeader(false, uncompressed, compressed, values, encoding),
                2 => new PageHeader(true, uncompressed, compressed, values, encoding),
                _ => throw new InvalidDataException($"page type {type} is not one this tool writes"),
            };
        }
    }
}
