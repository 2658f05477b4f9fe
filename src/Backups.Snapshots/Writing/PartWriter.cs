using Backups.Snapshots.Format;
using Parquet;
using Parquet.Schema;

namespace Backups.Snapshots.Writing;

/// <summary>
/// One Parquet part being written to a local temporary file, hashed as it is written.
/// The caller deletes the file (after uploading it, or on failure).
/// </summary>
internal sealed class PartWriter : IAsyncDisposable
{
    private readonly FileStream _file;
    private readonly HashingWriteStream _hashing;
    private ParquetWriter? _parquet;

    private PartWriter(string path, FileStream file)
    {
        Path = path;
        _file = file;
        _hashing = new HashingWriteStream(file);
    }

    public string Path { get; }

    public long RowCount { get; private set; }

    /// <summary>Bytes written to the file so far (whole row groups; the footer comes at completion).</summary>
    public long Length => _hashing.Length;

    public static async Task<PartWriter> CreateAsync(
        string path, ParquetSchema schema, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        var file = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            Options = FileOptions.Asynchronous,
            BufferSize = 1 << 16,
        });
        var part = new PartWriter(path, file);
        try
        {
            part._parquet = await ParquetWriter.CreateAsync(schema, part._hashing, ParquetColumns.WriteOptions(), append: false, cancellationToken)
                .ConfigureAwait(false);
            part._parquet.CustomMetadata = metadata;
            return part;
        }
        catch
        {
            await part.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task WriteRowGroupAsync(IReadOnlyList<ColumnBuffer> columns, int rows, CancellationToken cancellationToken)
    {
        var parquet = _parquet ?? throw new InvalidOperationException("the part is already complete");
        using (var rowGroup = parquet.CreateRowGroup())
        {
            foreach (var column in columns)
            {
                await column.WriteAsync(rowGroup, cancellationToken).ConfigureAwait(false);
            }

            rowGroup.CompleteValidate();
        }

        RowCount += rows;
    }

    /// <summary>Writes the footer and flushes the file; returns its size and SHA-256 (lowercase hex).</summary>
    public async Task<(long Size, string Sha256)> CompleteAsync()
    {
        var parquet = _parquet ?? throw new InvalidOperationException("the part is already complete");
        _parquet = null;
        await parquet.DisposeAsync().ConfigureAwait(false);
        await _file.FlushAsync().ConfigureAwait(false);
        return (_hashing.Length, _hashing.HashHex());
    }

    public async ValueTask DisposeAsync()
    {
        if (_parquet is not null)
        {
            try
            {
                await _parquet.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception error) when (error is IOException or InvalidOperationException or OperationCanceledException)
            {
                // The part is being abandoned after a failure; its file is deleted by the caller.
            }

            _parquet = null;
        }

        await _hashing.DisposeAsync().ConfigureAwait(false);
        _hashing.ReleaseHash();
        await _file.DisposeAsync().ConfigureAwait(false);
    }
}
