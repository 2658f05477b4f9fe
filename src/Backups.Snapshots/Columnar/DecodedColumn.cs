using Backups.Domain.Schema;

namespace Backups.Snapshots.Columnar;

/// <summary>One column of a decoded row group: definition levels, and the non-null values in storage form.</summary>
internal sealed class DecodedColumn(ManifestColumn column) : IColumnValues
{
    private byte[] _levels = [];
    private byte[] _fixed = [];
    private byte[] _data = [];
    private int[] _ends = [];
    private int _fixedBytes;
    private int _dataBytes;

    public ManifestColumn Column { get; } = column;

    public ColumnKind Kind => Column.Kind;

    public int RowCount { get; private set; }

    public int NullCount { get; private set; }

    /// <summary>Non-null byte-array values held.</summary>
    public int ByteArrayCount { get; private set; }

    public ReadOnlySpan<byte> Levels => NullCount == 0 ? [] : _levels.AsSpan(0, RowCount);

    public ReadOnlySpan<byte> FixedValues => _fixed.AsSpan(0, _fixedBytes);

    public ReadOnlySpan<byte> Data => _data.AsSpan(0, _dataBytes);

    public ReadOnlySpan<int> Ends => _ends.AsSpan(0, ByteArrayCount);

    public void Clear()
    {
        RowCount = 0;
        NullCount = 0;
        ByteArrayCount = 0;
        _fixedBytes = 0;
        _dataBytes = 0;
    }

    public void Release()
    {
        Clear();
        PooledArrays.Return(ref _levels);
        PooledArrays.Return(ref _fixed);
        PooledArrays.Return(ref _data);
        PooledArrays.Return(ref _ends);
    }

    /// <summary>Space for the definition levels of the next <paramref name="rows"/> rows, to be decoded into.</summary>
    public Span<byte> AddLevels(int rows)
    {
        PooledArrays.Grow(ref _levels, RowCount + rows);
        var span = _levels.AsSpan(RowCount, rows);
        RowCount += rows;
        return span;
    }

    /// <summary>Rows that all hold a value (a required column's page).</summary>
    public void AddDefinedRows(int rows)
    {
        PooledArrays.Grow(ref _levels, RowCount + rows);
        _levels.AsSpan(RowCount, rows).Fill(1);
        RowCount += rows;
    }

    public void CountNulls(int nulls) => NullCount += nulls;

    /// <summary>Space for <paramref name="bytes"/> more bytes of fixed-size values, to be decoded into.</summary>
    public Span<byte> AddFixed(int bytes)
    {
        PooledArrays.Grow(ref _fixed, _fixedBytes + bytes);
        var span = _fixed.AsSpan(_fixedBytes, bytes);
        _fixedBytes += bytes;
        return span;
    }

    public void AddByteArray(ReadOnlySpan<byte> value)
    {
        PooledArrays.Grow(ref _data, _dataBytes + value.Length);
        value.CopyTo(_data.AsSpan(_dataBytes));
        _dataBytes += value.Length;
        PooledArrays.Grow(ref _ends, ByteArrayCount + 1);
        _ends[ByteArrayCount++] = _dataBytes;
    }
}
