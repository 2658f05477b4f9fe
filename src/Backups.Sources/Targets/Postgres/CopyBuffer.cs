using System.Buffers;

namespace Backups.Sources.Targets.Postgres;

/// <summary>A growable pooled byte buffer that a binary COPY is encoded into before it is sent.</summary>
internal sealed class CopyBuffer : IDisposable
{
    private byte[] _array;

    public CopyBuffer(int capacity) => _array = ArrayPool<byte>.Shared.Rent(capacity);

    public int Length { get; private set; }

    public ReadOnlyMemory<byte> Written => _array.AsMemory(0, Length);

    public void Reset() => Length = 0;

    /// <summary>At least <paramref name="bytes"/> bytes of space after what is written.</summary>
    public Span<byte> Reserve(int bytes)
    {
        if (Length + bytes > _array.Length)
        {
            var next = ArrayPool<byte>.Shared.Rent((int)Math.Min(Math.Max(_array.Length * 2L, (long)Length + bytes), Array.MaxLength));
            _array.AsSpan(0, Length).CopyTo(next);
            ArrayPool<byte>.Shared.Return(_array);
            _array = next;
        }

        return _array.AsSpan(Length);
    }

    public void Advance(int bytes) => Length += bytes;

    /// <summary>The last <paramref name="bytes"/> bytes written.</summary>
    public Memory<byte> Last(int bytes) => _array.AsMemory(Length - bytes, bytes);

    public void Write(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Reserve(bytes.Length));
        Advance(bytes.Length);
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_array);
        _array = [];
    }
}
