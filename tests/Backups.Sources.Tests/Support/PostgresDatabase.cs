using Backups.TestFixtures.AllTypes;
using Backups.TestFixtures.Postgres;
using Backups.TestFixtures.Vacols;
using Npgsql;

namespace Backups.Sources.Tests.Support;

/// <summary>
/// One database per test class on the real server, holding the VACOLS tables (schema <c>vacols</c>) and
/// the all-types table (schema <c>public</c>); dropped afterwards.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    private readonly PostgresServer server = new();
    private string? connectionString;

    public PostgresServer Server => server;

    public string ConnectionString => connectionString ?? throw new InvalidOperationException(PostgresServer.NotReachableMessage);

    public async Task InitializeAsync()
    {
        if (PostgresServer.SkipReason is not null)
        {
            return;
        }

        connectionString = await server.CreateDatabaseAsync("backups_sources");
        await VacolsFixture.BuildPostgresAsync(connectionString);
        await AllTypesFixture.CreatePostgresAsync(connectionString);
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    public ISource Source(SourceOptions? options = null) => SourceFactory.Create("postgres", ConnectionString, options ?? new SourceOptions());

    public Task DisposeAsync() => server.DisposeAsync();
}
