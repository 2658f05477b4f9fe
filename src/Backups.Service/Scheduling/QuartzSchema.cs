using Npgsql;

namespace Backups.Service.Scheduling;

/// <summary>
/// Creates the Quartz tables from deploy/quartz/tables_postgres.sql (embedded). The script only creates what is
/// missing; an advisory lock keeps nodes that start together from racing on the same CREATE.
/// </summary>
internal static class QuartzSchema
{
    private const string ResourceName = "Backups.Service.tables_postgres.sql";

    // An arbitrary constant naming "the Quartz schema of this service" among the database's advisory locks.
    private const long LockKey = 0x6261_636B_7570_7131;

    public static string Script()
    {
        using var stream = typeof(QuartzSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static async Task EnsureAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_lock({LockKey})", connection))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }
        try
        {
            await using var create = new NpgsqlCommand(Script(), connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            await using var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({LockKey})", connection);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
