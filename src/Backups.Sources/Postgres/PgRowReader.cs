using System.Runtime.CompilerServices;
using Npgsql;

namespace Backups.Sources.Postgres;

/// <summary>
/// Streams the rows of one table over a connection already inside the snapshot, with a plain SELECT whose
/// rows Npgsql buffers one at a time. Measured on 1M-row tables this beat binary COPY (sync and async
/// column reads) and sequential-access SELECT; see the README.
/// </summary>
internal static class PgRowReader
{
    public static async IAsyncEnumerable<object?[]> SelectAsync(
        NpgsqlConnection connection, PgTable table, [EnumeratorCancellation] CancellationToken ct)
    {
        var columns = table.Columns.Select(c => c.ReadAs).ToArray();
        var offset = PgTableQuery.HasRangeCheck(table) ? 1 : 0;
        await using var command = new NpgsqlCommand(PgTableQuery.Build(table), connection);
        var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var completed = false;
        try
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                if (offset == 1 && !reader.IsDBNull(0))
                {
                    throw PgTableQuery.OutOfRange(table, reader.GetFieldValue<string[]>(0));
                }

                var row = new object?[columns.Length];
                for (var i = 0; i < columns.Length; i++)
                {
                    var ordinal = i + offset;
                    if (!reader.IsDBNull(ordinal))
                    {
                        row[i] = Read(reader, ordinal, columns[i]);
                    }
                }

                yield return row;
            }

            completed = true;
        }
        finally
        {
            await CloseAsync(command, reader, completed).ConfigureAwait(false);
        }
    }

    /// <summary>Closes the reader; an unfinished one is cancelled first rather than drained row by row.</summary>
    private static async Task CloseAsync(NpgsqlCommand command, NpgsqlDataReader reader, bool completed)
    {
        if (!completed && !reader.IsClosed)
        {
            command.Cancel();
        }

        try
        {
            await reader.DisposeAsync().ConfigureAwait(false);
        }
        catch (PostgresException e) when (!completed && e.SqlState == PostgresErrorCodes.QueryCanceled)
        {
            // The cancellation asked for above; the caller rolls back to its savepoint.
        }
    }

    private static object Read(NpgsqlDataReader reader, int ordinal, PgReadAs readAs) => readAs switch
    {
        PgReadAs.Boolean => reader.GetBoolean(ordinal),
        PgReadAs.Int16 => reader.GetInt16(ordinal),
        PgReadAs.Int32 => reader.GetInt32(ordinal),
        PgReadAs.Int64 => reader.GetInt64(ordinal),
        PgReadAs.Float32 => reader.GetFloat(ordinal),
        PgReadAs.Float64 => reader.GetDouble(ordinal),
        PgReadAs.Text or PgReadAs.PaddedText => reader.GetString(ordinal),
        PgReadAs.Bytes => reader.GetFieldValue<byte[]>(ordinal),
        PgReadAs.Date => reader.GetFieldValue<DateOnly>(ordinal),
        PgReadAs.Time => reader.GetFieldValue<TimeOnly>(ordinal),
        PgReadAs.Timestamp or PgReadAs.TimestampTz => reader.GetDateTime(ordinal),
        PgReadAs.Uuid => reader.GetGuid(ordinal),
        _ => throw new ArgumentOutOfRangeException(nameof(readAs), readAs, null),
    };
}
