using System.Buffers.Binary;
using Backups.Snapshots.Columnar;

namespace Backups.Snapshots.Writing;

/// <summary>
/// One Parquet part being written to a local temporary file, hashed as it is written: the magic, row groups as they
/// come, then the footer. Writes are synchronous (row groups are encoded off the reading thread).
/// The caller deletes the file (after uploading it, or on failure).
/// </summary>
internal sealed class PartWriter : IAsyncDisposable
{
    private static readonly byte[] Magic = "PAR1"u8.ToArray();

    private readonly FileStream _file;
    private readonly HashingWriteStream _hashing;
    private readonly IReadOnlyList<ParquetLeaf> _leaves;
    private readonly IReadOnlyDictionary<string, string> _metadata;
    private readonly List<RowGroupInfo> _rowGroups = [];
    private bool _complete;

    private PartWriter(string path, FileStream file, IReadOnlyList<ParquetLeaf> leaves, IReadOnlyDictionary<string, string> metadata)
    {
        Path = path;
        _file = file;
        _hashing = new HashingWriteStream(file);
        _leaves = leaves;
        _metadata = metadata;
    }

    public string Path { get; }

    public long RowCount { get; private set; }

    /// <summary>Bytes written to the file so far (whole row groups; the footer comes at completion).</summary>
    public long Length => _hashing.Length;

    public static PartWriter Create(string path, IReadOnlyList<ParquetLeaf> leaves, IReadOnlyDictionary<string, string> metadata)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("snapshot parts are written on little-endian machines only");
        }

        var file = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            BufferSize = 1 << 18,
        });
        var part = new PartWriter(path, file, leaves, metadata);
        part._hashing.Write(Magic);
        return part;
    }

    /// <summary>Encodes one row group from the buffers (every one holding <paramref name="rows"/> rows).</summary>
    public void WriteRowGroup(IReadOnlyList<ColumnChunkBuffer> columns, int rows, ChunkEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(encoder);
        ObjectDisposedException.ThrowIf(_complete, this);
        encoder.Output = _hashing;
        var chunks = new ColumnChunkInfo[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i].RowCount != rows)
            {
                throw new InvalidOperationException($"column '{columns[i].Column.Name}' has {columns[i].RowCount} rows, the row group {rows}");
            }

            chunks[i] = columns[i].Encode(encoder);
        }

        _rowGroups.Add(new RowGroupInfo(chunks, rows));
        RowCount += rows;
    }

    /// <summary>Writes the footer and flushes the file; returns its size and SHA-256 (lowercase hex).</summary>
    public async Task<(long Size, string Sha256)> CompleteAsync()
    {
        ObjectDisposedException.ThrowIf(_complete, this);
        _complete = true;
        using var footer = new ByteBuffer(4096);
        ParquetThrift.FileMetaData(new ThriftCompactWriter(footer), _leaves, _rowGroups, _metadata, PartWriterIdentity.CreatedBy);
        _hashing.Write(footer.Written);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, footer.Length);
        _hashing.Write(length);
        _hashing.Write(Magic);
        await _file.FlushAsync().ConfigureAwait(false);
        return (_hashing.Length, _hashing.HashHex());
    }

    public async ValueTask DisposeAsync()
    {
        _complete = true;
        await _hashing.DisposeAsync().ConfigureAwait(false);
        _hashing.ReleaseHash();
        await _file.DisposeAsync().ConfigureAwait(false);
    }
}
