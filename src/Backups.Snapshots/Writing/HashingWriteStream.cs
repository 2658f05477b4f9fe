using System.Security.Cryptography;

namespace Backups.Snapshots.Writing;

/// <summary>
/// A write-only stream that passes bytes on to an inner stream while computing their SHA-256 and counting them.
/// Reports its position (Parquet writers ask for it) but cannot seek. Disposing it leaves the inner stream open.
/// </summary>
internal sealed class HashingWriteStream(Stream inner) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _written;

    public override bool CanRead => false;

    public override bool CanSeek => true;

    public override bool CanWrite => true;

    public override long Length => _written;

    public override long Position
    {
        get => _written;
        set => throw new NotSupportedException("this stream only appends");
    }

    /// <summary>The lowercase hex SHA-256 of everything written so far.</summary>
    public string HashHex()
    {
        Span<byte> digest = stackalloc byte[32];
        _hash.GetCurrentHash(digest);
        return Convert.ToHexStringLower(digest);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _hash.AppendData(buffer);
        inner.Write(buffer);
        _written += buffer.Length;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _hash.AppendData(buffer.Span);
        await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        _written += buffer.Length;
    }

    public override void WriteByte(byte value) => Write([value]);

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin)
    {
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _written + offset,
            _ => _written + offset,
        };
        return target == _written ? _written : throw new NotSupportedException("this stream only appends");
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    /// <summary>
    /// Releases the hash. Not done by <see cref="Stream.Dispose()"/>: a Parquet writer disposes its output when it
    /// closes, and the digest is read after that.
    /// </summary>
    public void ReleaseHash() => _hash.Dispose();
}
