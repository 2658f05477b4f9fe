using Backups.Domain.Schema;
using Backups.Snapshots.Columnar;
using Backups.Snapshots.Format;

namespace Backups.Snapshots.Writing;

/// <summary>
/// Writes one table. The reader fills one row batch while the previous one is encoded into the current Parquet
/// part on the thread pool, and a finished part is uploaded while the next one fills: reading, encoding and
/// uploading of one table overlap, each at most one step ahead of the other. Memory: two row batches and the
/// encoder's page buffers; disk: at most two part files (one uploading, one being written).
/// </summary>
internal sealed class TableWriter(SnapshotWriteRequest request, string tempDirectory, ProgressTracker progress, UploadLog uploads)
{
    private readonly SnapshotWriteRequest _request = request;
    private readonly string _tempDirectory = tempDirectory;
    private readonly ProgressTracker _progress = progress;
    private readonly UploadLog _uploads = uploads;

    /// <summary>Writes a table, or one slice of it, and returns its parts in order.</summary>
    public async Task<IReadOnlyList<ManifestPart>> WriteAsync(TableSchema table, TableSlice? slice, string directory, CancellationToken cancellationToken)
    {
        var columns = table.Columns.Select(ManifestColumn.From).ToArray();
        var run = new Run(this, table, slice, columns, directory, cancellationToken);
        try
        {
            await run.ReadAllAsync().ConfigureAwait(false);
            return await run.FinishAsync().ConfigureAwait(false);
        }
        finally
        {
            await run.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The state of one table's write.</summary>
    private sealed class Run : IAsyncDisposable
    {
        private readonly TableWriter _writer;
        private readonly TableSchema _table;
        private readonly TableSlice? _slice;
        private readonly string _directory;
        private readonly CancellationToken _cancellationToken;
        private readonly ParquetLeaf[] _leaves;
        private readonly Dictionary<string, string> _metadata;
        private readonly RowBatch[] _batches;
        private readonly ChunkEncoder _encoder = new(ParquetColumns.ZstdLevel);
        private readonly List<ManifestPart> _parts = [];
        private PartWriter? _part;
        private Task? _encoding;
        private Task<ManifestPart>? _upload;
        private long _rowsBefore;

        public Run(TableWriter writer, TableSchema table, TableSlice? slice, ManifestColumn[] columns, string directory, CancellationToken cancellationToken)
        {
            _writer = writer;
            _table = table;
            _slice = slice;
            _directory = directory;
            _cancellationToken = cancellationToken;
            _leaves = [.. columns.Select(ParquetLeaf.For)];
            _metadata = new Dictionary<string, string>
            {
                [ParquetColumns.SnapshotMetadataKey] = writer._request.SnapshotId,
                [ParquetColumns.TableMetadataKey] = table.QualifiedName,
                [ParquetColumns.KindsMetadataKey] = string.Join(',', columns.Select(c => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(c.Kind.ToString()))),
            };
            var request = writer._request;
            _batches = [new RowBatch(columns, request.RowGroupRows, request.RowGroupBytes), new RowBatch(columns, request.RowGroupRows, request.RowGroupBytes)];
        }

        public async Task ReadAllAsync()
        {
            var request = _writer._request;
            var reader = request.OpenReader?.Invoke(_table, _slice) ?? new ObjectRowReader(_table, request.ReadRows(_table, _cancellationToken));
            await using (reader.ConfigureAwait(false))
            {
                var current = 0;
                while (true)
                {
                    var batch = _batches[current];
                    int appended;
                    try
                    {
                        appended = await reader.ReadAsync(batch, _cancellationToken).ConfigureAwait(false);
                    }
                    catch (ArgumentException error)
                    {
                        throw new InvalidDataException($"table {_table.QualifiedName}, row {_rowsBefore + batch.RowCount + 1}: {error.Message}", error);
                    }

                    if (batch.RowCount > 0 && (batch.IsFull || appended == 0))
                    {
                        batch.CheckAligned();
                        await StartRowGroupAsync(batch).ConfigureAwait(false);
                        current ^= 1;
                    }

                    if (appended == 0)
                    {
                        break;
                    }
                }
            }

            await AwaitEncodingAsync().ConfigureAwait(false);
        }

        /// <summary>
        /// Completes the last part (or the one empty part that keeps an empty table's schema readable; a slice
        /// after the first without rows has no part) and waits for the uploads.
        /// </summary>
        public async Task<IReadOnlyList<ManifestPart>> FinishAsync()
        {
            if (_part is not null || (_parts.Count == 0 && _upload is null && (_slice?.Index ?? 0) == 0))
            {
                _part ??= OpenPart();
                await FinishPartAsync().ConfigureAwait(false);
            }

            await AwaitUploadAsync().ConfigureAwait(false);
            return _parts;
        }

        public async ValueTask DisposeAsync()
        {
            await IgnoreFailureAsync(_encoding).ConfigureAwait(false);
            await IgnoreFailureAsync(_upload).ConfigureAwait(false);
            if (_part is not null)
            {
                await AbandonAsync(_part).ConfigureAwait(false);
                _part = null;
            }

            foreach (var batch in _batches)
            {
                batch.Release();
            }

            _encoder.Dispose();
        }

        /// <summary>
        /// Hands a full batch to the encoder. The part is closed once it has reached the part size after the previous
        /// row group: the same parts as closing it right after that row group.
        /// </summary>
        private async Task StartRowGroupAsync(RowBatch batch)
        {
            await AwaitEncodingAsync().ConfigureAwait(false);
            if (_part is not null && _part.Length >= _writer._request.PartSizeBytes)
            {
                await FinishPartAsync().ConfigureAwait(false);
            }

            var part = _part ??= OpenPart();
            _rowsBefore += batch.RowCount;
            _encoding = Task.Run(
                () =>
                {
                    var before = part.Length;
                    var rows = batch.RowCount;
                    part.WriteRowGroup(batch.Columns, rows, _encoder);
                    batch.Clear();
                    _writer._progress.RowGroupWritten(_table.QualifiedName, rows, part.Length - before);
                },
                _cancellationToken);
        }

        private async Task AwaitEncodingAsync()
        {
            if (_encoding is { } running)
            {
                _encoding = null;
                await running.ConfigureAwait(false);
            }
        }

        private async Task AwaitUploadAsync()
        {
            if (_upload is { } running)
            {
                _upload = null;
                _parts.Add(await running.ConfigureAwait(false));
            }
        }

        private PartWriter OpenPart()
        {
            var index = _parts.Count + (_upload is null ? 0 : 1);
            var path = Path.Combine(_writer._tempDirectory, $"{_directory}.{_slice?.Index ?? 0:D3}.part-{index:D5}.parquet");
            return PartWriter.Create(path, _leaves, _metadata);
        }

        /// <summary>Completes the current part and starts its upload, once the previous upload is done.</summary>
        private async Task FinishPartAsync()
        {
            var part = _part!;
            _part = null;
            var index = _parts.Count + (_upload is null ? 0 : 1);
            (long Size, string Sha256) file;
            try
            {
                file = await part.CompleteAsync().ConfigureAwait(false);
                await part.DisposeAsync().ConfigureAwait(false);
            }
            catch
            {
                await AbandonAsync(part).ConfigureAwait(false);
                throw;
            }

            await AwaitUploadAsync().ConfigureAwait(false);
            _upload = UploadAsync(part, index, file.Size, file.Sha256);
        }

        private async Task<ManifestPart> UploadAsync(PartWriter part, int index, long size, string sha256)
        {
            try
            {
                var id = _writer._request.SnapshotId;
                var key = _slice is null ? SnapshotKeys.Part(id, _directory, index) : SnapshotKeys.Part(id, _directory, _slice.Index, index);
                _writer._uploads.Attempting(key);
                var file = new FileStream(part.Path, new FileStreamOptions
                {
                    Mode = FileMode.Open,
                    Access = FileAccess.Read,
                    Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
                    BufferSize = 1 << 16,
                });
                await using (file.ConfigureAwait(false))
                {
                    await _writer._request.Store.PutAsync(key, file, _cancellationToken).ConfigureAwait(false);
                }

                return new ManifestPart(key, size, sha256, part.RowCount);
            }
            finally
            {
                await AbandonAsync(part).ConfigureAwait(false);
            }
        }

        private static async Task AbandonAsync(PartWriter part)
        {
            await part.DisposeAsync().ConfigureAwait(false);
            File.Delete(part.Path);
        }

        private static async Task IgnoreFailureAsync(Task? task)
        {
            if (task is null)
            {
                return;
            }

            try
            {
                await task.ConfigureAwait(false);
            }
            catch (Exception)
            {
                // The write is failing already for another reason, which is the one reported.
            }
        }
    }
}
