using Npgsql;

namespace Backups.IntegrationTests.Support;

/// <summary>
/// The program's own sessions on a test database (<c>application_name = 'backups'</c>), seen and ended from another
/// connection, as an operator or a failover would: <c>pg_terminate_backend</c>.
/// </summary>
internal static class Backends
{
    private const string Ours = "datname = current_database() AND application_name = 'backups' AND pid <> pg_backend_pid()";

    /// <summary>Terminates every session of the program on the database; returns how many there were.</summary>
    public static async Task<int> TerminateAsync(string connection)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE {Ours}", db);
        return (int)(long)(await command.ExecuteScalarAsync())!;
    }
}
