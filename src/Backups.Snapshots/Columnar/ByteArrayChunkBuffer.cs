using System.Text.Unicode;
using Backups.Domain.Schema;

namespace Backups.Snapshots.Columnar;

/// <summary>
/// Text-like (UTF-8, checked) and Binary columns: BYTE_ARRAY. The bytes of every value are copied end to end into
/// one pooled array, with the end offset of each value beside them, so a row group holds no object per value.
/// </summary>
internal sealed class ByteArrayChunkBuffer(ManifestColumn column) : ColumnChunkBuffer(column)
{
    private readonly bool _text = column.Kind != ColumnKind.Binary;
    private byte[] _data = [];
    private int[] _ends = [];
    private int _used;

    protected override long ValueBytes => _used + (4L * ValueCount);

    /// <summary>The bytes of the non-null value at <paramref name="index"/> (0 to <see cref="ColumnChunkBuffer.ValueCount"/> - 1).</summary>
    public ReadOnlySpan<byte> Value(int index)
    {
        var start = index == 0 ? 0 : _ends[index - 1];
        return _data.AsSpan(start, _ends[index] - start);
    }

    /// <summary>The end offset of each value within <see cref="Data"/>.</summary>
    public ReadOnlySpan<int> Ends => _ends.AsSpan(0, ValueCount);

    /// <summary>Every value's bytes, end to end.</summary>
    public ReadOnlySpan<byte> Data => _data.AsSpan(0, _used);

    public override void AppendUtf8(ReadOnlySpan<byte> value)
    {
        if (!_text)
        {
            throw WrongKind("text");
        }

        if (!Utf8.IsValid(value))
        {
            throw new ArgumentException($"column '{Column.Name}': the {Column.Kind} value is not valid UTF-8");
        }

        Store(value);
    }

    public override void AppendBytes(ReadOnlySpan<byte> value)
    {
        if (_text)
        {
            throw WrongKind("bytes");
        }

        Store(value);
    }

    /// <summary>Stores text from a string; the caller has checked it is well-formed UTF-16.</summary>
    public void AppendString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!_text)
        {
            throw WrongKind("text");
        }

        var max = System.Text.Encoding.UTF8.GetMaxByteCount(value.Length);
        Reserve(max);
        var written = System.Text.Encoding.UTF8.GetBytes(value, _data.AsSpan(_used));
        Commit(written);
    }

    public override ColumnChunkInfo Encode(ChunkEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        return encoder.EncodeByteArrays(this);
    }

    public override void Clear()
    {
        base.Clear();
        _used = 0;
    }

    public override void Release()
    {
        base.Release();
        Return(ref _data);
        Return(ref _ends);
        _used = 0;
    }

    private void Store(ReadOnlySpan<byte> value)
    {
        Reserve(value.Length);
        value.CopyTo(_data.AsSpan(_used));
        Commit(value.Length);
    }

    private void Reserve(int bytes)
    {
        var needed = (long)_used + bytes;
        if (needed > Array.MaxLength)
        {
            throw new ArgumentException($"column '{Column.Name}': a row group's values would pass 2 GiB; the value is {bytes} bytes");
        }

        if (needed > _data.Length)
        {
            Grow(ref _data, (int)needed);
        }
    }

    private void Commit(int length)
    {
        var count = ValueCount;
        if (count == _ends.Length)
        {
            Grow(ref _ends, count + 1);
        }

        _used += length;
        _ends[count] = _used;
        Defined();
    }
}
