using System.Globalization;
using Backups.Domain.Schema;
using Backups.Sources.Selection;
using Npgsql;
using NpgsqlTypes;

namespace Backups.Sources.Postgres;

/// <summary>
/// PostgreSQL dialect, following pg_dump's recipe for a consistent parallel dump: a REPEATABLE READ,
/// READ ONLY transaction exports its snapshot, locks the selected tables in ACCESS SHARE mode (so a
/// concurrent DROP or ALTER waits for the snapshot to end) and every table reader imports the snapshot.
/// </summary>
internal sealed class PostgresSource : ISource
{
    private readonly NpgsqlConnectionStringBuilder settings;
    private readonly SourceOptions options;

    public PostgresSource(string connection, SourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxParallelReaders < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxParallelReaders, "MaxParallelReaders must be at least 1.");
        }

        settings = PgConnectionSettings.Parse(connection);
        this.options = options;
    }

    /// <summary>
    /// The snapshot's connections read whole tables: a read buffer of 512 KiB instead of Npgsql's 8 KiB cuts the
    /// reads (and thread hand-offs) per table a hundredfold. They need no type beyond PostgreSQL's built-in ones
    /// (everything else is read as text), so Npgsql skips loading the server's type catalog, which measured a third
    /// of a small snapshot's time. An explicit read buffer size is kept.
    /// </summary>
    private static string ReaderConnectionString(NpgsqlConnectionStringBuilder settings)
    {
        var builder = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
        if (!settings.ContainsKey("Read Buffer Size"))
        {
            builder.ReadBufferSize = 512 * 1024;
        }

        return builder.ConnectionString;
    }

    public async Task<ISourceSession> OpenSnapshotAsync(SourceSelection selection, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(selection);
        var schema = selection.Schema ?? "public";
        var dataSource = new NpgsqlDataSourceBuilder(ReaderConnectionString(settings)).ConfigureTypeLoading(types => types.EnableTypeLoading(false)).Build();
        NpgsqlConnection? coordinator = null;
        try
        {
            coordinator = await PgErrors.OpenAsync(dataSource, settings, ct).ConfigureAwait(false);
            var identity = await ReadIdentityAsync(coordinator, ct).ConfigureAwait(false);
            await PgSessionSql.ExecuteAsync(coordinator, PgSessionSql.SessionSettings + PgSessionSql.Begin, ct).ConfigureAwait(false);
            var (snapshotId, point) = await ReadConsistencyPointAsync(coordinator, ct).ConfigureAwait(false);
            if (options.LockTimeout is { } timeout)
            {
                var milliseconds = Math.Max(1, (long)timeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
                await PgSessionSql.ExecuteAsync(coordinator, $"SET LOCAL lock_timeout = {milliseconds}", ct).ConfigureAwait(false);
            }

            var candidates = await PgCatalog.ListTablesAsync(coordinator, schema, ct).ConfigureAwait(false);
            if (candidates.Count == 0)
            {
                await EnsureSchemaExistsAsync(coordinator, schema, identity.Database, ct).ConfigureAwait(false);
            }

            var names = TableSelector.Select(selection, candidates.Select(c => c.Name).ToList(), $"schema {schema} of database {identity.Database}");
            var chosen = candidates.Where(c => names.Contains(c.Name, StringComparer.Ordinal)).ToList();
            await LockAsync(coordinator, schema, chosen, ct).ConfigureAwait(false);
            var tables = await PgCatalog.DescribeAsync(coordinator, schema, chosen, ct).ConfigureAwait(false);
            var lockAll = chosen.Count == 0
                ? ""
                : $"LOCK TABLE ONLY {string.Join(", ", chosen.Select(t => PgSql.Qualified(schema, t.Name)))} IN ACCESS SHARE MODE";
            var readers = await PgReaderPool.OpenAsync(dataSource, coordinator, snapshotId, lockAll, options.MaxParallelReaders, ct).ConfigureAwait(false);
            return new PostgresSession(dataSource, readers, identity, point, tables, options.SliceBytes);
        }
        catch
        {
            if (coordinator is not null)
            {
                await coordinator.DisposeAsync().ConfigureAwait(false);
            }

            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task<SourceIdentity> ReadIdentityAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        const string sql = """
            SELECT current_database(), current_setting('server_version'),
                   CASE WHEN has_function_privilege('pg_catalog.pg_control_system()', 'EXECUTE')
                        THEN (SELECT system_identifier::text FROM pg_catalog.pg_control_system()) END
            """;
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await reader.ReadAsync(ct).ConfigureAwait(false);
        return new SourceIdentity(
            "postgres",
            PgConnectionSettings.Server(settings),
            reader.GetString(0),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.GetString(1));
    }

    private static async Task<(string SnapshotId, IReadOnlyDictionary<string, string> Point)> ReadConsistencyPointAsync(
        NpgsqlConnection connection, CancellationToken ct)
    {
        // The first statement of the transaction fixes its snapshot; everything here describes that one.
        const string sql = """
            SELECT pg_catalog.pg_export_snapshot(),
                   (CASE WHEN pg_catalog.pg_is_in_recovery() THEN pg_catalog.pg_last_wal_replay_lsn()
                         ELSE pg_catalog.pg_current_wal_lsn() END)::text,
                   pg_catalog.pg_current_snapshot()::text,
                   to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
            """;
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await reader.ReadAsync(ct).ConfigureAwait(false);
        var snapshotId = reader.GetString(0);
        var point = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["exported-snapshot"] = snapshotId,
            ["lsn"] = reader.GetString(1),
            ["xid-snapshot"] = reader.GetString(2),
            ["snapshot-time"] = reader.GetString(3),
        };
        return (snapshotId, point);
    }

    private static async Task EnsureSchemaExistsAsync(NpgsqlConnection connection, string schema, string database, CancellationToken ct)
    {
        var schemas = await PgCatalog.ListSchemasAsync(connection, ct).ConfigureAwait(false);
        if (!schemas.Contains(schema, StringComparer.Ordinal))
        {
            throw new TableSelectionException(
                $"Schema {schema} does not exist in database {database}. Schemas there: {string.Join(", ", schemas)}.");
        }
    }

    private static async Task LockAsync(
        NpgsqlConnection connection, string schema, IReadOnlyList<(uint Oid, string Name, long? Estimate)> tables, CancellationToken ct)
    {
        foreach (var table in tables)
        {
            var qualified = $"{schema}.{table.Name}";
            try
            {
                await PgSessionSql.ExecuteAsync(
                    connection, $"LOCK TABLE ONLY {PgSql.Qualified(schema, table.Name)} IN ACCESS SHARE MODE", ct).ConfigureAwait(false);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
            {
                throw new TableVanishedException(qualified, "was dropped or renamed", e);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
            {
                throw new TableLockException(qualified, $"Timed out waiting for an ACCESS SHARE lock on table {qualified}: another session holds a conflicting lock.", e);
            }
        }

        // A table dropped and re-created under the same name before its lock is a different table.
        const string sql = "SELECT n, to_regclass(n)::oid FROM unnest(@names) AS n";
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter("names", NpgsqlDbType.Array | NpgsqlDbType.Text)
        {
            Value = tables.Select(t => PgSql.Qualified(schema, t.Name)).ToArray(),
        });
        var current = new List<uint?>();
        await using (var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                current.Add(reader.IsDBNull(1) ? null : reader.GetFieldValue<uint>(1));
            }
        }

        for (var i = 0; i < tables.Count; i++)
        {
            if (current[i] != tables[i].Oid)
            {
                throw new TableVanishedException($"{schema}.{tables[i].Name}", "was dropped and re-created", null);
            }
        }
    }
}
