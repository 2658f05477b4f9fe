using System.Security.Cryptography;

namespace Backups.Storage.Tests.Support;

/// <summary>
/// A non-seekable stream of <paramref name="length"/> deterministic pseudo-random bytes that hashes what it hands out,
/// optionally throwing (like a failing producer) once <paramref name="failAfter"/> bytes have been read.
/// </summary>
internal sealed class PatternStream(long length, int seed = 1, long? failAfter = null) : Stream
{
    private readonly Random _random = new(seed);
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    /// <summary>Called with the number of bytes read so far, before each read.</summary>
    public Action<long>? BeforeRead { get; init; }

    /// <summary>SHA-256 of everything read so far (hex).</summary>
    public string Sha256Hex() => Convert.ToHexString(_hash.GetCurrentHash());

    public static string Sha256Hex(long length, int seed = 1)
    {
        using var stream = new PatternStream(length, seed);
        stream.CopyTo(Stream.Null);
        return stream.Sha256Hex();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        BeforeRead?.Invoke(_position);
        if (failAfter is { } limit && _position >= limit && buffer.Length > 0)
        {
            throw new IOException($"the producer failed after {_position} bytes");
        }

        var end = failAfter is { } l ? Math.Min(length, l) : length;
        var count = (int)Math.Min(buffer.Length, end - _position);
        if (count <= 0)
        {
            return 0;
        }

        var slice = buffer[..count];
        _random.NextBytes(slice);
        _hash.AppendData(slice);
        _position += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Read(buffer.Span));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }
}
