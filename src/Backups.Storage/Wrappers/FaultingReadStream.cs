namespace Backups.Storage.Wrappers;

/// <summary>A read-only, non-seekable view of another stream that throws once a number of bytes has been read.</summary>
internal sealed class FaultingReadStream(Stream inner, long failAfter, Func<Exception> error) : Stream
{
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (buffer.Length == 0)
        {
            return 0;
        }

        if (_read >= failAfter)
        {
            // Fail only if there is more to read: content no longer than the limit goes through.
            Span<byte> probe = stackalloc byte[1];
            return inner.Read(probe) == 0 ? 0 : throw error();
        }

        var read = inner.Read(buffer[..Allowed(buffer.Length)]);
        _read += read;
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.Length == 0)
        {
            return 0;
        }

        if (_read >= failAfter)
        {
            var probe = new byte[1];
            return await inner.ReadAsync(probe, cancellationToken).ConfigureAwait(false) == 0 ? 0 : throw error();
        }

        var read = await inner.ReadAsync(buffer[..Allowed(buffer.Length)], cancellationToken).ConfigureAwait(false);
        _read += read;
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Allowed(int requested) => (int)Math.Min(requested, failAfter - _read);
}
