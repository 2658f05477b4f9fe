using System.Runtime.CompilerServices;
using Backups.Domain.Schema;
using Npgsql;

namespace Backups.Sources.Postgres;

/// <summary>
/// A PostgreSQL snapshot: the coordinator's REPEATABLE READ, READ ONLY transaction exported its snapshot and
/// locked every selected table; the reader pool's connections imported that snapshot and hold the same
/// locks, so every table read sees the same data and a concurrent DROP waits for the session to end.
/// Each table is read inside a savepoint, so an abandoned or failed read leaves the connection usable.
/// </summary>
internal sealed class PostgresSession : ISourceSession, IBatchSourceSession
{
    /// <summary>The savepoint every table read runs in.</summary>
    public const string Savepoint = "backups_read";

    private readonly NpgsqlDataSource dataSource;
    private readonly PgReaderPool readers;
    private readonly long sliceBytes;
    private readonly Dictionary<string, PgTable> tables;
    private int disposed;

    public PostgresSession(
        NpgsqlDataSource dataSource,
        PgReaderPool readers,
        SourceIdentity identity,
        IReadOnlyDictionary<string, string> consistencyPoint,
        IReadOnlyList<PgTable> tables,
        long sliceBytes)
    {
        this.sliceBytes = sliceBytes;
        this.dataSource = dataSource;
        this.readers = readers;
        Identity = identity;
        ConsistencyPoint = consistencyPoint;
        this.tables = tables.ToDictionary(t => t.Schema.QualifiedName, StringComparer.Ordinal);
        Tables = tables.Select(t => t.Schema).ToList();
    }

    public SourceIdentity Identity { get; }

    public IReadOnlyDictionary<string, string> ConsistencyPoint { get; }

    public IReadOnlyList<TableSchema> Tables { get; }

    public int MaxParallelReaders => readers.Count;

    public long? EstimateRows(TableSchema table) => Find(table).EstimatedRows;

    public IAsyncEnumerable<object?[]> ReadRowsAsync(TableSchema table, CancellationToken ct)
    {
        var pgTable = Find(table);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        return ReadAsync(pgTable, ct);
    }

    public ITableReader OpenTableReader(TableSchema table, TableSlice? slice)
    {
        var pgTable = Find(table);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        return new PgCopyTableReader(readers, pgTable, slice?.Filter);
    }

    public async Task<IReadOnlyList<TableSlice>> SliceAsync(TableSchema table, int maxSlices, CancellationToken ct)
    {
        var pgTable = Find(table);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        if (maxSlices < 2)
        {
            return [];
        }

        var connection = await readers.RentAsync(ct).ConfigureAwait(false);
        var completed = false;
        try
        {
            await PgSessionSql.ExecuteAsync(connection, $"SAVEPOINT {Savepoint}", ct).ConfigureAwait(false);
            var slices = await PgTableSlicer.SliceAsync(connection, pgTable, maxSlices, sliceBytes, ct).ConfigureAwait(false);
            completed = true;
            return slices;
        }
        finally
        {
            if (await EndReadAsync(connection, completed).ConfigureAwait(false))
            {
                readers.Return(connection);
            }
            else
            {
                readers.Discard(connection);
            }
        }
    }

    /// <summary>
    /// Ends a table read on its connection: releases the savepoint after a complete read, rolls back to it otherwise.
    /// False when the connection's transaction is no longer usable.
    /// </summary>
    public static async Task<bool> EndReadAsync(NpgsqlConnection connection, bool completed)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (completed)
        {
            try
            {
                await PgSessionSql.ExecuteAsync(connection, $"RELEASE SAVEPOINT {Savepoint}", CancellationToken.None).ConfigureAwait(false);
                return true;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                return false;
            }
        }

        return await TryRollBackReadAsync(connection).ConfigureAwait(false);
    }

    private async IAsyncEnumerable<object?[]> ReadAsync(PgTable table, [EnumeratorCancellation] CancellationToken ct)
    {
        var connection = await readers.RentAsync(ct).ConfigureAwait(false);
        var usable = false;
        try
        {
            await PgSessionSql.ExecuteAsync(connection, $"SAVEPOINT {Savepoint}", ct).ConfigureAwait(false);
            await foreach (var row in PgRowReader.SelectAsync(connection, table, ct).ConfigureAwait(false))
            {
                yield return row;
            }

            await PgSessionSql.ExecuteAsync(connection, $"RELEASE SAVEPOINT {Savepoint}", ct).ConfigureAwait(false);
            usable = true;
        }
        finally
        {
            usable = usable || await TryRollBackReadAsync(connection).ConfigureAwait(false);
            if (usable)
            {
                readers.Return(connection);
            }
            else
            {
                readers.Discard(connection);
            }
        }
    }

    private static async Task<bool> TryRollBackReadAsync(NpgsqlConnection connection)
    {
        try
        {
            await PgSessionSql.ExecuteAsync(connection, $"ROLLBACK TO SAVEPOINT {Savepoint}", CancellationToken.None).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            return false;
        }
    }

    private PgTable Find(TableSchema table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return tables.TryGetValue(table.QualifiedName, out var found)
            ? found
            : throw new ArgumentException($"Table {table.QualifiedName} is not part of this snapshot.", nameof(table));
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        // Closing the connections ends their read-only transactions and releases the locks.
        await readers.DisposeAsync().ConfigureAwait(false);
        await dataSource.DisposeAsync().ConfigureAwait(false);
    }
}
