using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using Backups.Domain.Schema;
using Backups.Sources.Postgres;
using Npgsql;

namespace Backups.Sources.Targets.Postgres;

/// <summary>
/// Streams rows into one table with COPY, inside the caller's transaction. Binary format when every column
/// can be written by kind; text format for the whole table when one column holds dialect text (arrays,
/// intervals, enums... whose binary forms are type-specific): the server then reads each value with its
/// type's input function, the same as casting the captured text back to the type.
/// </summary>
internal sealed partial class PgTableLoader
{
    private const int ProgressEvery = 10_000;

    private readonly NpgsqlConnection connection;
    private readonly TableSchema table;
    private readonly string qualified;
    private readonly string copyTarget;
    private readonly ColumnKind[] kinds;
    private readonly string[] types;

    public PgTableLoader(NpgsqlConnection connection, TableSchema table, string schema, Func<ColumnSchema, string?> targetType)
    {
        this.connection = connection;
        this.table = table;
        qualified = $"{schema}.{table.Name}";
        copyTarget = $"{PgSql.Qualified(schema, table.Name)} ({string.Join(", ", table.Columns.Select(c => PgSql.Ident(c.Name)))})";
        kinds = table.Columns.Select(c => c.Kind).ToArray();
        types = table.Columns.Select(c => targetType(c) ?? "").ToArray();
    }

    /// <summary>Whether the table goes in binary format (otherwise text).</summary>
    public bool Binary => kinds.Select((k, i) => PgTargetTypes.BinaryCopyable(k, types[i])).All(b => b);

    public async Task<long> CopyAsync(IAsyncEnumerable<object?[]> rows, IProgress<long>? progress, CancellationToken ct)
    {
        var count = 0L;
        try
        {
            count = Binary
                ? await CopyBinaryAsync(rows, progress, ct).ConfigureAwait(false)
                : await CopyTextAsync(rows, progress, ct).ConfigureAwait(false);
        }
        catch (PostgresException e)
        {
            throw Refused(e);
        }

        progress?.Report(count);
        return count;
    }

    private async Task<long> CopyBinaryAsync(IAsyncEnumerable<object?[]> rows, IProgress<long>? progress, CancellationToken ct)
    {
        var wire = kinds.Select((k, i) => PgCopyBinary.WireType(k, types[i])).ToArray();
        var count = 0L;
        var importer = await connection.BeginBinaryImportAsync($"COPY {copyTarget} FROM STDIN (FORMAT binary)", ct).ConfigureAwait(false);
        await using (importer.ConfigureAwait(false))
        {
            await foreach (var row in rows.WithCancellation(ct).ConfigureAwait(false))
            {
                count++;
                CheckWidth(row, count);
                await importer.StartRowAsync(ct).ConfigureAwait(false);
                for (var i = 0; i < row.Length; i++)
                {
                    if (row[i] is not { } value)
                    {
                        await importer.WriteNullAsync(ct).ConfigureAwait(false);
                    }
                    else if (await PgCopyBinary.WriteAsync(importer, kinds[i], wire[i], value, ct).ConfigureAwait(false) is { } problem)
                    {
                        throw new TargetLoadException(qualified, table.Columns[i].Name, count, problem + ".");
                    }
                }

                if (count % ProgressEvery == 0)
                {
                    progress?.Report(count);
                }
            }

            await importer.CompleteAsync(ct).ConfigureAwait(false);
        }

        return count;
    }

    /// <summary>
    /// Loads column batches with a binary COPY encoded here (<see cref="PgBinaryRows"/>); the table must be
    /// <see cref="Binary"/>. Encoding runs on its own task, a few buffers ahead of the sending, so that the server
    /// never waits for the next rows to be decoded and encoded.
    /// </summary>
    public async Task<long> CopyBatchesAsync(IAsyncEnumerable<IColumnarBatch> batches, IProgress<long>? progress, CancellationToken ct)
    {
        const int SendBytes = 1 << 20;
        const int Buffers = 3;
        var free = Channel.CreateBounded<CopyBuffer>(Buffers);
        var filled = Channel.CreateBounded<CopyBuffer>(Buffers);
        var all = Enumerable.Range(0, Buffers).Select(_ => new CopyBuffer(SendBytes + (64 * 1024))).ToList();
        foreach (var buffer in all)
        {
            free.Writer.TryWrite(buffer);
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var count = 0L;
        var copy = await connection.BeginRawBinaryCopyAsync($"COPY {copyTarget} FROM STDIN (FORMAT binary)", ct).ConfigureAwait(false);
        var completed = false;
        var encoding = Task.Run(() => EncodeAsync(batches, free.Reader, filled.Writer, SendBytes, n => count = n, progress, stop.Token), stop.Token);
        try
        {
            await foreach (var buffer in filled.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                await copy.WriteAsync(buffer.Written, ct).ConfigureAwait(false);
                free.Writer.TryWrite(buffer);
            }

            await encoding.ConfigureAwait(false);
            completed = true;
        }
        catch (PostgresException e)
        {
            throw Refused(e);
        }
        finally
        {
            if (!completed)
            {
                await stop.CancelAsync().ConfigureAwait(false);
                await CancelAsync(copy).ConfigureAwait(false);
                try
                {
                    await encoding.ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // Stopped because the COPY failed, which is the error reported (or the encoding's own, rethrown above).
                }
            }

            foreach (var buffer in all)
            {
                buffer.Dispose();
            }
        }

        try
        {
            // Disposing the stream ends the COPY; the server's verdict arrives here.
            await copy.DisposeAsync().ConfigureAwait(false);
        }
        catch (PostgresException e)
        {
            throw Refused(e);
        }

        progress?.Report(count);
        return count;
    }

    private async Task EncodeAsync(
        IAsyncEnumerable<IColumnarBatch> batches, ChannelReader<CopyBuffer> free, ChannelWriter<CopyBuffer> filled, int sendBytes,
        Action<long> rowsEncoded, IProgress<long>? progress, CancellationToken ct)
    {
        var encoder = new PgBinaryRows(table, qualified, types);
        var count = 0L;
        try
        {
            var buffer = await free.ReadAsync(ct).ConfigureAwait(false);
            buffer.Reset();
            buffer.Write(PgBinaryRows.Header);
            await foreach (var batch in batches.WithCancellation(ct).ConfigureAwait(false))
            {
                var row = 0;
                while (row < batch.RowCount)
                {
                    row = encoder.Encode(batch, row, buffer, sendBytes, count);
                    if (buffer.Length >= sendBytes)
                    {
                        await filled.WriteAsync(buffer, ct).ConfigureAwait(false);
                        buffer = await free.ReadAsync(ct).ConfigureAwait(false);
                        buffer.Reset();
                    }
                }

                count += batch.RowCount;
                rowsEncoded(count);
                progress?.Report(count);
            }

            buffer.Write(PgBinaryRows.Trailer);
            await filled.WriteAsync(buffer, ct).ConfigureAwait(false);
            filled.Complete();
        }
        catch (Exception error)
        {
            filled.Complete(error);
            throw;
        }
    }

    private static async Task CancelAsync(NpgsqlRawCopyStream copy)
    {
        try
        {
            await copy.CancelAsync().ConfigureAwait(false);
            await copy.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or IOException or InvalidOperationException or ObjectDisposedException)
        {
            // The COPY is being abandoned after a failure, which is the one reported; the transaction rolls back.
        }
    }

    private async Task<long> CopyTextAsync(IAsyncEnumerable<object?[]> rows, IProgress<long>? progress, CancellationToken ct)
    {
        var count = 0L;
        var line = new StringBuilder();
        var writer = (NpgsqlCopyTextWriter)await connection.BeginTextImportAsync($"COPY {copyTarget} FROM STDIN (FORMAT text)", ct).ConfigureAwait(false);
        var completed = false;
        try
        {
            await foreach (var row in rows.WithCancellation(ct).ConfigureAwait(false))
            {
                count++;
                CheckWidth(row, count);
                line.Clear();
                for (var i = 0; i < row.Length; i++)
                {
                    if (i > 0)
                    {
                        line.Append('\t');
                    }

                    if (PgCopyText.Append(line, kinds[i], row[i]) is { } problem)
                    {
                        throw new TargetLoadException(qualified, table.Columns[i].Name, count, problem + ".");
                    }
                }

                line.Append('\n');
                await writer.WriteAsync(line, ct).ConfigureAwait(false);
                if (count % ProgressEvery == 0)
                {
                    progress?.Report(count);
                }
            }

            completed = true;
        }
        finally
        {
            if (completed)
            {
                // Disposing the writer ends the COPY; the server's verdict arrives here.
                await writer.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                await AbandonAsync(writer).ConfigureAwait(false);
            }
        }

        return count;
    }

    private static async Task AbandonAsync(NpgsqlCopyTextWriter writer)
    {
        await writer.CancelAsync().ConfigureAwait(false);
        try
        {
            await writer.DisposeAsync().ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // The cancelled COPY refuses the characters still buffered in the writer; they are not wanted.
        }
    }

    private void CheckWidth(object?[] row, long count)
    {
        if (row.Length != kinds.Length)
        {
            throw new TargetLoadException(qualified, null, count,
                $"the row has {row.Length.ToString(CultureInfo.InvariantCulture)} values but the table has {kinds.Length.ToString(CultureInfo.InvariantCulture)} columns.");
        }
    }

    private TargetLoadException Refused(PostgresException e)
    {
        long? row = null;
        if (e.Where is { } where && CopyLine().Match(where) is { Success: true } match
            && long.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var line))
        {
            row = line;
        }

        var detail = e.Detail is { Length: > 0 } d ? $" ({d})" : "";
        return new TargetLoadException(qualified, e.ColumnName, row, $"PostgreSQL refused the data: {e.MessageText}{detail} [{e.SqlState}].", e);
    }

    [GeneratedRegex(@"\bline (\d+)")]
    private static partial Regex CopyLine();
}
