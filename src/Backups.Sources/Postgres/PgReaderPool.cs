using System.Threading.Channels;
using Npgsql;

namespace Backups.Sources.Postgres;

/// <summary>
/// The connections that read tables, every one inside the same snapshot and already holding an ACCESS SHARE
/// lock on every selected table: the coordinator itself, plus extra connections that imported its snapshot
/// and locked the tables with NOWAIT. Holding the locks up front matters: a concurrent DROP or ALTER queues
/// behind the coordinator's lock, and a reader asking for a lock after that would queue behind the DROP
/// forever. An extra connection that cannot lock at once (such a DROP is already waiting) or cannot connect
/// is left out: the snapshot proceeds with fewer readers, never with a different view.
/// </summary>
internal sealed class PgReaderPool : IAsyncDisposable
{
    private readonly List<NpgsqlConnection> connections;
    private readonly Channel<NpgsqlConnection> idle = Channel.CreateUnbounded<NpgsqlConnection>();
    private int live;

    private PgReaderPool(List<NpgsqlConnection> connections)
    {
        this.connections = connections;
        live = connections.Count;
        foreach (var connection in connections)
        {
            idle.Writer.TryWrite(connection);
        }
    }

    public int Count => connections.Count;

    public static async Task<PgReaderPool> OpenAsync(
        NpgsqlDataSource dataSource, NpgsqlConnection coordinator, string snapshotId, string lockStatement, int size, CancellationToken ct)
    {
        var extras = await Task.WhenAll(Enumerable.Range(0, size - 1).Select(_ => TryOpenReaderAsync(dataSource, snapshotId, lockStatement, ct))).ConfigureAwait(false);
        return new PgReaderPool([coordinator, .. extras.OfType<NpgsqlConnection>()]);
    }

    public async ValueTask<NpgsqlConnection> RentAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref live) == 0)
        {
            throw new InvalidOperationException("Every connection of this snapshot failed; open a new snapshot.");
        }

        try
        {
            return await idle.Reader.ReadAsync(ct).ConfigureAwait(false);
        }
        catch (ChannelClosedException e)
        {
            throw new InvalidOperationException("Every connection of this snapshot failed; open a new snapshot.", e);
        }
    }

    public void Return(NpgsqlConnection connection) => idle.Writer.TryWrite(connection);

    /// <summary>Takes a connection whose transaction is no longer usable out of rotation.</summary>
    public void Discard(NpgsqlConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (Interlocked.Decrement(ref live) == 0)
        {
            idle.Writer.TryComplete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        idle.Writer.TryComplete();
        foreach (var connection in connections)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task<NpgsqlConnection?> TryOpenReaderAsync(NpgsqlDataSource dataSource, string snapshotId, string lockStatement, CancellationToken ct)
    {
        NpgsqlConnection? connection = null;
        try
        {
            connection = await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
            var setup = PgSessionSql.SessionSettings + PgSessionSql.ImportSnapshot(snapshotId) + (lockStatement.Length > 0 ? "; " + lockStatement + " NOWAIT" : "");
            await PgSessionSql.ExecuteAsync(connection, setup, ct).ConfigureAwait(false);
            return connection;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException && !ct.IsCancellationRequested)
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            return null;
        }
    }
}
