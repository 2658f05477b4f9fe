using Npgsql;

namespace Backups.TestFixtures.Postgres;

/// <summary>
/// The PostgreSQL server the tests run against: <c>BACKUPS_TEST_PG</c>, an Npgsql connection string to a
/// superuser (<c>deploy/dev/up.sh</c> starts one and writes it to <c>/tmp/backups-dev/env.sh</c>).
/// Use as a class or collection fixture; every database made with <see cref="CreateDatabaseAsync"/> is
/// dropped when the fixture is disposed. Without the variable, tests marked <see cref="PostgresFactAttribute"/>
/// are skipped, except under <c>CI=true</c> where they fail loudly.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string EnvironmentVariable = "BACKUPS_TEST_PG";

    public const string NotReachableMessage =
        "PostgreSQL is not reachable: run deploy/dev/up.sh and `source /tmp/backups-dev/env.sh` (it sets " + EnvironmentVariable + ").";

    private readonly List<string> databases = [];
    private readonly Lock gate = new();

    /// <summary>The configured connection string, or null.</summary>
    public static string? Configured =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value ? value : null;

    /// <summary>Why PostgreSQL tests are skipped, or null when they run (configured, or on CI where they must fail instead).</summary>
    public static string? SkipReason =>
        Configured is null && !IsCi ? $"{EnvironmentVariable} is not set: {NotReachableMessage}" : null;

    private static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The superuser connection string.</summary>
    /// <exception cref="InvalidOperationException">Not configured.</exception>
    public string AdminConnectionString => Configured ?? throw new InvalidOperationException(NotReachableMessage);

    /// <summary>Creates an empty, uniquely named database and returns a connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "backups_test", CancellationToken ct = default)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}".ToLowerInvariant();
        name = name[..Math.Min(name.Length, 63)];
        await using (var connection = await OpenAdminAsync(ct))
        {
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync(ct);
        }

        lock (gate)
        {
            databases.Add(name);
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>Opens a connection to the configured (admin) database.</summary>
    public async Task<NpgsqlConnection> OpenAdminAsync(CancellationToken ct = default)
    {
        var connection = new NpgsqlConnection(AdminConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            return connection;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            await connection.DisposeAsync();
            throw new InvalidOperationException($"{NotReachableMessage} ({e.Message})", e);
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        string[] names;
        lock (gate)
        {
            names = [.. databases];
            databases.Clear();
        }

        if (names.Length == 0)
        {
            return;
        }

        await using var connection = await OpenAdminAsync();
        foreach (var name in names)
        {
            NpgsqlConnection.ClearPool(new NpgsqlConnection(new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString));
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
