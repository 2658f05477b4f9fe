using System.Globalization;
using Backups.Domain.Schema;
using Backups.Snapshots.Format;

namespace Backups.Snapshots.Writing;

/// <summary>
/// Writes one table: reads its rows, buffers one row group at a time, writes row groups into a local Parquet part,
/// and uploads each part once it reaches the part size (and the last one at the end).
/// </summary>
internal sealed class TableWriter(SnapshotWriteRequest request, string tempDirectory, ProgressTracker progress, UploadLog uploads)
{
    public async Task<ManifestTable> WriteAsync(TableSchema table, string directory, CancellationToken cancellationToken)
    {
        var columns = table.Columns.Select(ManifestColumn.From).ToArray();
        var buffers = columns.Select(c => ColumnBuffer.Create(c, request.RowGroupRows)).ToArray();
        var schema = new Parquet.Schema.ParquetSchema(buffers.Select(b => b.Field)); // the buffers write through these very fields
        var metadata = new Dictionary<string, string>
        {
            [ParquetColumns.SnapshotMetadataKey] = request.SnapshotId,
            [ParquetColumns.TableMetadataKey] = table.QualifiedName,
            [ParquetColumns.KindsMetadataKey] = string.Join(',', columns.Select(c => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(c.Kind.ToString()))),
        };

        var parts = new List<ManifestPart>();
        PartWriter? part = null;
        var pendingRows = 0;
        long pendingBytes = 0;
        long rowNumber = 0;
        try
        {
            await foreach (var row in request.ReadRows(table, cancellationToken).WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                rowNumber++;
                if (row is null || row.Length != columns.Length)
                {
                    throw new InvalidDataException(
                        $"table {table.QualifiedName}, row {rowNumber}: expected {columns.Length} values, got {(row is null ? "null" : row.Length.ToString(CultureInfo.InvariantCulture))}");
                }

                part ??= await OpenPartAsync(directory, parts.Count, schema, metadata, cancellationToken).ConfigureAwait(false);
                for (var i = 0; i < buffers.Length; i++)
                {
                    try
                    {
                        pendingBytes += buffers[i].Add(row[i]);
                    }
                    catch (ArgumentException error)
                    {
                        throw new InvalidDataException(
                            $"table {table.QualifiedName}, row {rowNumber}, column '{columns[i].Name}' ({columns[i].Kind}): {error.Message}", error);
                    }
                }

                pendingRows++;
                if (pendingRows >= request.RowGroupRows || pendingBytes >= request.RowGroupBytes)
                {
                    await FlushRowGroupAsync(table, part, buffers, pendingRows, cancellationToken).ConfigureAwait(false);
                    pendingRows = 0;
                    pendingBytes = 0;
                    if (part.Length >= request.PartSizeBytes)
                    {
                        var finished = part;
                        part = null;
                        parts.Add(await FinishPartAsync(finished, directory, parts.Count, cancellationToken).ConfigureAwait(false));
                    }
                }
            }

            if (pendingRows > 0)
            {
                await FlushRowGroupAsync(table, part!, buffers, pendingRows, cancellationToken).ConfigureAwait(false);
            }

            if (part is not null || parts.Count == 0)
            {
                // The last part, or the one empty part that keeps an empty table's schema readable.
                var last = part ?? await OpenPartAsync(directory, parts.Count, schema, metadata, cancellationToken).ConfigureAwait(false);
                part = null;
                parts.Add(await FinishPartAsync(last, directory, parts.Count, cancellationToken).ConfigureAwait(false));
            }
        }
        finally
        {
            if (part is not null)
            {
                await AbandonAsync(part).ConfigureAwait(false);
            }
        }

        progress.TableDone(table.QualifiedName);
        return new ManifestTable(table.Schema, table.Name, columns, table.PrimaryKey, table.UniqueConstraints, parts.Sum(p => p.RowCount), parts);
    }

    private async Task<PartWriter> OpenPartAsync(
        string directory, int index, Parquet.Schema.ParquetSchema schema, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        var path = Path.Combine(tempDirectory, $"{directory}.part-{index:D5}.parquet");
        return await PartWriter.CreateAsync(path, schema, metadata, cancellationToken).ConfigureAwait(false);
    }

    private async Task FlushRowGroupAsync(TableSchema table, PartWriter part, ColumnBuffer[] buffers, int rows, CancellationToken cancellationToken)
    {
        var before = part.Length;
        await part.WriteRowGroupAsync(buffers, rows, cancellationToken).ConfigureAwait(false);
        foreach (var buffer in buffers)
        {
            buffer.Clear();
        }

        progress.RowGroupWritten(table.QualifiedName, rows, part.Length - before);
    }

    private async Task<ManifestPart> FinishPartAsync(PartWriter part, string directory, int index, CancellationToken cancellationToken)
    {
        try
        {
            var (size, sha256) = await part.CompleteAsync().ConfigureAwait(false);
            await part.DisposeAsync().ConfigureAwait(false);
            var key = SnapshotKeys.Part(request.SnapshotId, directory, index);
            uploads.Attempting(key);
            var file = new FileStream(part.Path, new FileStreamOptions
            {
                Mode = FileMode.Open,
                Access = FileAccess.Read,
                Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
                BufferSize = 1 << 16,
            });
            await using (file.ConfigureAwait(false))
            {
                await request.Store.PutAsync(key, file, cancellationToken).ConfigureAwait(false);
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
}
