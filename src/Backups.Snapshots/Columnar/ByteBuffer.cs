using System.Buffers;

namespace Backups.Snapshots.Columnar;

/// <summary>A growable pooled byte buffer that can be written through <see cref="IBufferWriter{T}"/> and patched.</summary>
internal sealed class ByteBuffer : IBufferWriter<byte>, IDisposable
{
    private byte[] _array;

    public ByteBuffer(int capacity) => _array = ArrayPool<byte>.Shared.Rent(capacity);

    public int Length { get; private set; }

    public Span<byte> Written => _array.AsSpan(0, Length);

    public void Reset() => Length = 0;

    public void Write(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(GetSpan(bytes.Length));
        Advance(bytes.Length);
    }

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (Length + count > _array.Length)
        {
            throw new InvalidOperationException("advanced past the buffer");
        }

        Length += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _array.AsMemory(Length);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _array.AsSpan(Length);
    }

    public void Dispose()
    {
        var array = _array;
        _array = [];
        Length = 0;
        if (array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }

    private void Ensure(int sizeHint)
    {
        var needed = (long)Length + Math.Max(sizeHint, 1);
        if (needed <= _array.Length)
        {
            return;
        }

        if (needed > Array.MaxLength)
        {
            throw new InvalidOperationException("a page would pass 2 GiB");
        }

        var next = ArrayPool<byte>.Shared.Rent((int)Math.Max(needed, Math.Min(_array.Length * 2L, Array.MaxLength)));
        _array.AsSpan(0, Length).CopyTo(next);
        if (_array.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_array);
        }

        _array = next;
    }
}
