using System.Buffers.Binary;
using ZstdSharp;

namespace Backups.Snapshots.Columnar;

/// <summary>
/// Turns column chunk buffers into Parquet column chunks on an output stream: data pages (format v1) of about
/// <see cref="PageBytes"/> each, definition levels in the RLE hybrid, values plain or dictionary-encoded, every
/// page compressed with zstd. Holds its scratch buffers and compressor for reuse; not thread-safe.
/// </summary>
internal sealed class ChunkEncoder : IDisposable
{
    /// <summary>The target size of a page's values before compression.</summary>
    public const int PageBytes = 1024 * 1024;

    /// <summary>The most rows in one dictionary-encoded page (its indices are small; this keeps pages seekable).</summary>
    private const int DictionaryPageRows = 64 * 1024;

    private static readonly int[] PlainEncodings = [(int)PageEncoding.Plain, (int)PageEncoding.Rle];
    private static readonly int[] DictionaryEncodings = [(int)PageEncoding.Plain, (int)PageEncoding.Rle, (int)PageEncoding.RleDictionary];

    private readonly Compressor _zstd;
    private readonly ByteBuffer _body = new(PageBytes + 4096);
    private readonly ByteBuffer _compressed = new(PageBytes + 4096);
    private readonly ByteBuffer _header = new(256);
    private readonly ByteArrayDictionary _dictionary = new();
    private Stream _output = Stream.Null;
    private long _uncompressed;
    private long _compressedTotal;
    private long? _firstDataPage;
    private long? _dictionaryPage;

    public ChunkEncoder(int compressionLevel) => _zstd = new Compressor(compressionLevel);

    /// <summary>Where the next chunk goes; its position must be the byte offset within the file.</summary>
    public Stream Output
    {
        get => _output;
        set => _output = value ?? throw new ArgumentNullException(nameof(value));
    }

    public ColumnChunkInfo EncodeFixed(ColumnChunkBuffer column, ReadOnlySpan<byte> values, int valueSize, ColumnStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(column);
        Begin();
        var levels = column.Levels;
        var rowsPerPage = Math.Max(1, PageBytes / valueSize);
        var offset = 0;
        for (var r0 = 0; r0 < column.RowCount; r0 += rowsPerPage)
        {
            var rows = Math.Min(rowsPerPage, column.RowCount - r0);
            var defined = StartPage(column, levels, r0, rows);
            _body.Write(values.Slice(offset, defined * valueSize));
            offset += defined * valueSize;
            WriteDataPage(rows, PageEncoding.Plain);
        }

        return Finish(column, PlainEncodings, statistics);
    }

    public ColumnChunkInfo EncodeBooleans(ColumnChunkBuffer column, ReadOnlySpan<bool> values)
    {
        ArgumentNullException.ThrowIfNull(column);
        Begin();
        var levels = column.Levels;
        var rowsPerPage = PageBytes * 8;
        var offset = 0;
        for (var r0 = 0; r0 < column.RowCount; r0 += rowsPerPage)
        {
            var rows = Math.Min(rowsPerPage, column.RowCount - r0);
            var defined = StartPage(column, levels, r0, rows);
            var bytes = (defined + 7) / 8;
            var span = _body.GetSpan(bytes)[..bytes];
            span.Clear();
            for (var i = 0; i < defined; i++)
            {
                if (values[offset + i])
                {
                    span[i >> 3] |= (byte)(1 << (i & 7));
                }
            }

            _body.Advance(bytes);
            offset += defined;
            WriteDataPage(rows, PageEncoding.Plain);
        }

        return Finish(column, PlainEncodings, new ColumnStatistics(column.NullCount, null, null));
    }

    public ColumnChunkInfo EncodeByteArrays(ByteArrayChunkBuffer column)
    {
        ArgumentNullException.ThrowIfNull(column);
        Begin();
        return _dictionary.TryBuild(column) ? EncodeWithDictionary(column) : EncodePlain(column);
    }

    public void Dispose()
    {
        _zstd.Dispose();
        _body.Dispose();
        _compressed.Dispose();
        _header.Dispose();
        _dictionary.Dispose();
    }

    private ColumnChunkInfo EncodePlain(ByteArrayChunkBuffer column)
    {
        var levels = column.Levels;
        var ends = column.Ends;
        var data = column.Data;
        var value = 0;
        var row = 0;
        while (row < column.RowCount)
        {
            // Rows for this page: until their values reach the page size.
            var first = row;
            var firstValue = value;
            long bytes = 0;
            while (row < column.RowCount && bytes < PageBytes)
            {
                if (levels.IsEmpty || levels[row] == 1)
                {
                    bytes += 4 + ends[value] - (value == 0 ? 0 : ends[value - 1]);
                    value++;
                }

                row++;
            }

            StartPage(column, levels, first, row - first);
            var span = _body.GetSpan((int)bytes);
            var o = 0;
            for (var v = firstValue; v < value; v++)
            {
                var start = v == 0 ? 0 : ends[v - 1];
                var length = ends[v] - start;
                BinaryPrimitives.WriteInt32LittleEndian(span[o..], length);
                data.Slice(start, length).CopyTo(span[(o + 4)..]);
                o += 4 + length;
            }

            _body.Advance(o);
            WriteDataPage(row - first, PageEncoding.Plain);
        }

        var (min, max) = MinMax(column, Enumerable.Range(0, column.ValueCount));
        return Finish(column, PlainEncodings, new ColumnStatistics(column.NullCount, min, max));
    }

    private ColumnChunkInfo EncodeWithDictionary(ByteArrayChunkBuffer column)
    {
        // The dictionary page: the distinct values, plain.
        _body.Reset();
        var span = _body.GetSpan((int)_dictionary.PlainBytes);
        var o = 0;
        for (var e = 0; e < _dictionary.Count; e++)
        {
            var entry = column.Value(_dictionary.EntryValue(e));
            BinaryPrimitives.WriteInt32LittleEndian(span[o..], entry.Length);
            entry.CopyTo(span[(o + 4)..]);
            o += 4 + entry.Length;
        }

        _body.Advance(o);
        WritePage(dictionaryValues: _dictionary.Count, dataValues: 0, PageEncoding.Plain);

        var levels = column.Levels;
        var indices = _dictionary.Indices(column.ValueCount);
        var bitWidth = RleHybrid.BitWidth(_dictionary.Count - 1);
        var offset = 0;
        for (var r0 = 0; r0 < column.RowCount; r0 += DictionaryPageRows)
        {
            var rows = Math.Min(DictionaryPageRows, column.RowCount - r0);
            var defined = StartPage(column, levels, r0, rows);
            _body.GetSpan(1)[0] = (byte)bitWidth;
            _body.Advance(1);
            RleHybrid.Encode(indices.Slice(offset, defined), bitWidth, _body);
            offset += defined;
            WriteDataPage(rows, PageEncoding.RleDictionary);
        }

        var entries = Enumerable.Range(0, _dictionary.Count).Select(_dictionary.EntryValue);
        var (min, max) = MinMax(column, entries);
        return Finish(column, DictionaryEncodings, new ColumnStatistics(column.NullCount, min, max));
    }

    /// <summary>The smallest and largest of the given values (unsigned byte order), or none when either is long.</summary>
    private static (byte[]? Min, byte[]? Max) MinMax(ByteArrayChunkBuffer column, IEnumerable<int> valueIndexes)
    {
        const int MaxStatisticsLength = 64;
        var min = -1;
        var max = -1;
        foreach (var v in valueIndexes)
        {
            var value = column.Value(v);
            if (min < 0 || value.SequenceCompareTo(column.Value(min)) < 0)
            {
                min = v;
            }

            if (max < 0 || value.SequenceCompareTo(column.Value(max)) > 0)
            {
                max = v;
            }
        }

        if (min < 0 || column.Value(min).Length > MaxStatisticsLength || column.Value(max).Length > MaxStatisticsLength)
        {
            return (null, null);
        }

        return (column.Value(min).ToArray(), column.Value(max).ToArray());
    }

    private void Begin()
    {
        _uncompressed = 0;
        _compressedTotal = 0;
        _firstDataPage = null;
        _dictionaryPage = null;
    }

    /// <summary>Starts a page body with the definition levels of its rows; returns how many of them hold a value.</summary>
    private int StartPage(ColumnChunkBuffer column, ReadOnlySpan<byte> levels, int firstRow, int rows)
    {
        _body.Reset();
        if (!column.Column.Nullable)
        {
            return rows;
        }

        var slice = levels.Slice(firstRow, rows);
        _body.Advance(4);
        RleHybrid.Encode(slice, 1, _body);
        BinaryPrimitives.WriteInt32LittleEndian(_body.Written, _body.Length - 4);
        return rows - slice.Count((byte)0);
    }

    private void WriteDataPage(int values, PageEncoding encoding) => WritePage(dictionaryValues: -1, values, encoding);

    private void WritePage(int dictionaryValues, int dataValues, PageEncoding encoding)
    {
        var body = _body.Written;
        _compressed.Reset();
        var bound = Compressor.GetCompressBound(body.Length);
        var written = _zstd.Wrap(body, _compressed.GetSpan(bound));
        _compressed.Advance(written);

        _header.Reset();
        var thrift = new ThriftCompactWriter(_header);
        if (dictionaryValues >= 0)
        {
            ParquetThrift.DictionaryPageHeader(thrift, body.Length, written, dictionaryValues);
            _dictionaryPage = _output.Position;
        }
        else
        {
            ParquetThrift.DataPageHeader(thrift, body.Length, written, dataValues, encoding);
            _firstDataPage ??= _output.Position;
        }

        _output.Write(_header.Written);
        _output.Write(_compressed.Written);
        _uncompressed += _header.Length + body.Length;
        _compressedTotal += _header.Length + written;
    }

    private ColumnChunkInfo Finish(ColumnChunkBuffer column, int[] encodings, ColumnStatistics statistics)
    {
        if (_firstDataPage is null)
        {
            throw new InvalidOperationException($"column '{column.Column.Name}': a column chunk needs at least one row");
        }

        return new ColumnChunkInfo(
            column.Leaf, encodings, column.RowCount, _uncompressed, _compressedTotal, _firstDataPage.Value, _dictionaryPage, statistics);
    }
}
