using Backups.Domain.Schema;
using Backups.Sources.Targets;
using Npgsql;

namespace Backups.Sources.Tests.Targets.Support;

/// <summary>A fresh, empty PostgreSQL database to restore into, with helpers to look at what landed there.</summary>
internal sealed class SpareDatabase(string connectionString)
{
    public string ConnectionString => connectionString;

    public Task<ITargetSession> OpenAsync(string snapshotSourceKind = "postgres") =>
        TargetFactory.OpenAsync("postgres", connectionString, snapshotSourceKind, CancellationToken.None);

    public ISource Source() => SourceFactory.Create("postgres", connectionString);

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Row count and a checksum of every row's text form, independent of physical order.</summary>
    public Task<string> ChecksumAsync(string qualifiedTable) =>
        ScalarAsync<string>($"SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, ',' ORDER BY t::text)), '') FROM {qualifiedTable} t");

    public static async Task<string> ChecksumAsync(string connectionString, string qualifiedTable) =>
        await new SpareDatabase(connectionString).ChecksumAsync(qualifiedTable);

    /// <summary>Reads a whole table with the read side.</summary>
    public async Task<(TableSchema Table, List<object?[]> Rows)> ReadAsync(string? schema, string table)
    {
        await using var session = await Source().OpenSnapshotAsync(new SourceSelection(schema, [table], []), CancellationToken.None);
        var captured = session.Tables.Single(t => t.Name == table);
        return (captured, await session.ReadRowsAsync(captured, CancellationToken.None).ToListAsync());
    }
}
