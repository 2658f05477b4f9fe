using Backups.Domain.Schema;
using Backups.Sources.Postgres;
using Npgsql;

namespace Backups.Sources.Targets.Postgres;

/// <summary>PostgreSQL as a restore target: one connection per session, one transaction per table.</summary>
internal sealed class PgTarget : ITarget
{
    private readonly NpgsqlConnectionStringBuilder settings;

    public PgTarget(string connection)
    {
        settings = PgConnectionSettings.Parse(connection);
    }

    public async Task<ITargetSession> OpenAsync(string snapshotSourceKind, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(snapshotSourceKind);
        var dataSource = new NpgsqlDataSourceBuilder(WriterConnectionString(settings)).Build();
        NpgsqlConnection? connection = null;
        try
        {
            connection = await PgErrors.OpenAsync(dataSource, settings, ct).ConfigureAwait(false);
            // The same text forms the read side produces (ISO dates, postgres intervals, UTC) are read back unambiguously.
            await PgSessionSql.ExecuteAsync(connection, PgSessionSql.SessionSettings, ct).ConfigureAwait(false);
            var identity = await ReadIdentityAsync(connection, ct).ConfigureAwait(false);
            return new PgTargetSession(dataSource, connection, identity, TargetFactory.NormalizeKind(snapshotSourceKind));
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
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

    /// <summary>
    /// A restore sends whole tables: a write buffer of 512 KiB instead of Npgsql's 8 KiB sends the COPY in large
    /// writes. An explicit <c>Write Buffer Size</c> is kept.
    /// </summary>
    private static string WriterConnectionString(NpgsqlConnectionStringBuilder settings)
    {
        var builder = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
        if (!settings.ContainsKey("Write Buffer Size"))
        {
            builder.WriteBufferSize = 512 * 1024;
        }

        return builder.ConnectionString;
    }
}
