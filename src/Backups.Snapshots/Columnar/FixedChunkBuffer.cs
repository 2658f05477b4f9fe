using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Backups.Snapshots.Columnar;

/// <summary>A column of fixed-size values, stored densely (nulls only in the definition levels).</summary>
internal abstract class FixedChunkBuffer<T>(ManifestColumn column) : ColumnChunkBuffer(column)
    where T : unmanaged
{
    private T[] _values = [];

    public ReadOnlySpan<T> Values => _values.AsSpan(0, ValueCount);

    /// <summary>The values' bytes, which is their plain encoding: Parquet is little-endian, and so is .NET here.</summary>
    public ReadOnlySpan<byte> ValueBytesSpan => MemoryMarshal.AsBytes(Values);

    protected override long ValueBytes => (long)ValueCount * Unsafe.SizeOf<T>();

    public override ColumnChunkInfo Encode(ChunkEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        return encoder.EncodeFixed(this, ValueBytesSpan, Unsafe.SizeOf<T>(), Statistics());
    }

    public override void Release()
    {
        base.Release();
        Return(ref _values);
    }

    protected void Push(T value)
    {
        var count = ValueCount;
        if (count == _values.Length)
        {
            Grow(ref _values, count + 1);
        }

        _values[count] = value;
        Defined();
    }

    /// <summary>The chunk's statistics; the base knows only the null count.</summary>
    protected virtual ColumnStatistics Statistics() => new(NullCount, null, null);
}
