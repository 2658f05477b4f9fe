using System.Buffers.Binary;
using Backups.Domain.Schema;
using Npgsql;

namespace Backups.Sources.Postgres;

/// <summary>
/// Reads one table with <c>COPY (the table's SELECT) TO STDOUT (FORMAT binary)</c> over a connection of the
/// snapshot, parsing the raw stream straight into column sinks: integers, floats, dates and timestamps from their
/// binary send forms, text (and everything read as text) as the server's UTF-8 bytes, never a .NET object per
/// value. The query, and so the rows, their order and the out-of-range check, are the row reader's (restricted to
/// one slice's rows when given a slice filter).
/// The read runs inside a savepoint, so an abandoned or failed read leaves the connection usable.
/// </summary>
internal sealed class PgCopyTableReader(PgReaderPool readers, PgTable table, string? filter) : ITableReader
{
    private const int InitialBuffer = 1 << 20;

    private readonly PgReadAs[] _columns = [.. table.Columns.Select(c => c.ReadAs)];
    private readonly int _offset = PgTableQuery.HasRangeCheck(table) ? 1 : 0;
    private NpgsqlConnection? _connection;
    private NpgsqlRawCopyStream? _copy;
    private byte[] _buffer = [];
    private int _start;
    private int _end;
    private bool _header;
    private bool _done;

    public async ValueTask<int> ReadAsync(IRowBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (_done)
        {
            return 0;
        }

        if (_copy is null)
        {
            await StartAsync(cancellationToken).ConfigureAwait(false);
        }

        var appended = 0;
        while (true)
        {
            while (true)
            {
                var span = _buffer.AsSpan(_start, _end - _start);
                if (!_header)
                {
                    var header = PgCopyFormat.HeaderLength(span);
                    if (header == 0)
                    {
                        break;
                    }

                    _start += header;
                    _header = true;
                    continue;
                }

                var length = PgCopyFormat.RowLength(span, out var fields);
                if (length == 0)
                {
                    break;
                }

                _start += length;
                if (fields < 0)
                {
                    await CompleteAsync().ConfigureAwait(false);
                    return appended;
                }

                Decode(span[..length], fields, batch);
                appended++;
                if (batch.EndRow())
                {
                    return appended;
                }
            }

            await FillAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is null)
        {
            return;
        }

        var connection = _connection;
        _connection = null;
        if (_copy is not null)
        {
            try
            {
                if (!_done)
                {
                    await _copy.CancelAsync().ConfigureAwait(false);
                }

                await _copy.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is NpgsqlException or IOException or InvalidOperationException)
            {
                // The cancellation asked for above, or a connection already broken; the rollback below decides.
            }

            _copy = null;
        }

        var usable = await PostgresSession.EndReadAsync(connection, _done).ConfigureAwait(false);
        if (usable)
        {
            readers.Return(connection);
        }
        else
        {
            readers.Discard(connection);
        }

        if (_buffer.Length > 0)
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        _connection = await readers.RentAsync(cancellationToken).ConfigureAwait(false);
        await PgSessionSql.ExecuteAsync(_connection, $"SAVEPOINT {PostgresSession.Savepoint}", cancellationToken).ConfigureAwait(false);
        _buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(InitialBuffer);
        _copy = await _connection.BeginRawBinaryCopyAsync($"COPY ({PgTableQuery.Build(table, filter)}) TO STDOUT (FORMAT binary)", cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>Moves the unread bytes to the front (growing the buffer for a row larger than it) and reads more.</summary>
    private async Task FillAsync(CancellationToken cancellationToken)
    {
        var pending = _end - _start;
        if (pending == _buffer.Length)
        {
            var larger = System.Buffers.ArrayPool<byte>.Shared.Rent((int)Math.Min(_buffer.Length * 2L, Array.MaxLength));
            _buffer.AsSpan(_start, pending).CopyTo(larger);
            System.Buffers.ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
        else if (_start > 0)
        {
            _buffer.AsSpan(_start, pending).CopyTo(_buffer);
        }

        _start = 0;
        _end = pending;
        var read = await _copy!.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            throw new InvalidDataException($"the COPY stream of {table.Schema.QualifiedName} ended in the middle of a row");
        }

        _end += read;
    }

    private async Task CompleteAsync()
    {
        _done = true;
        await DisposeAsync().ConfigureAwait(false);
    }

    private void Decode(ReadOnlySpan<byte> row, int fields, IRowBatch batch)
    {
        if (fields != _columns.Length + _offset)
        {
            throw new InvalidDataException($"the COPY stream of {table.Schema.QualifiedName} has rows of {fields} fields, expected {_columns.Length + _offset}");
        }

        var position = 2;
        if (_offset == 1)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(row[position..]);
            position += 4;
            if (length >= 0)
            {
                var problem = PgCopyFormat.TextArray(row.Slice(position, length));
                throw PgTableQuery.OutOfRange(table, [.. problem.Select(p => p ?? "NULL")]);
            }
        }

        for (var i = 0; i < _columns.Length; i++)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(row[position..]);
            position += 4;
            var sink = batch.Column(i);
            if (length < 0)
            {
                sink.AppendNull();
                continue;
            }

            var value = row.Slice(position, length);
            position += length;
            switch (_columns[i])
            {
                case PgReadAs.Boolean:
                    sink.AppendBoolean(value[0] != 0);
                    break;
                case PgReadAs.Int16:
                    sink.AppendInt16(BinaryPrimitives.ReadInt16BigEndian(value));
                    break;
                case PgReadAs.Int32:
                    sink.AppendInt32(BinaryPrimitives.ReadInt32BigEndian(value));
                    break;
                case PgReadAs.Int64:
                    sink.AppendInt64(BinaryPrimitives.ReadInt64BigEndian(value));
                    break;
                case PgReadAs.Float32:
                    sink.AppendFloat32(BinaryPrimitives.ReadSingleBigEndian(value));
                    break;
                case PgReadAs.Float64:
                    sink.AppendFloat64(BinaryPrimitives.ReadDoubleBigEndian(value));
                    break;
                case PgReadAs.Text or PgReadAs.PaddedText:
                    sink.AppendUtf8(value);
                    break;
                case PgReadAs.Bytes:
                    sink.AppendBytes(value);
                    break;
                case PgReadAs.Date:
                    sink.AppendDate((int)Math.Clamp(BinaryPrimitives.ReadInt32BigEndian(value) + (long)PgCopyFormat.EpochDays, int.MinValue, int.MaxValue));
                    break;
                case PgReadAs.Time:
                    sink.AppendTime(BinaryPrimitives.ReadInt64BigEndian(value));
                    break;
                case PgReadAs.Timestamp or PgReadAs.TimestampTz:
                    var micros = BinaryPrimitives.ReadInt64BigEndian(value);
                    sink.AppendTimestamp(micros > long.MaxValue - PgCopyFormat.EpochMicroseconds ? long.MaxValue : micros + PgCopyFormat.EpochMicroseconds);
                    break;
                case PgReadAs.Uuid:
                    sink.AppendUuid(value);
                    break;
                default:
                    throw new InvalidOperationException($"no binary reading for {_columns[i]}");
            }
        }
    }
}
