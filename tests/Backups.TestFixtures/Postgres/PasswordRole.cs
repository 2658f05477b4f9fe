using Npgsql;

namespace Backups.TestFixtures.Postgres;

/// <summary>
/// The one role the test server checks by password: <c>deploy/dev/postgres.sh</c> trusts every login on loopback except
/// this role's over TCP, which must give its SCRAM password. Tests use it to see a wrong password refused for real.
/// </summary>
public static class PasswordRole
{
    public const string Name = "backups_password_check";

    /// <summary>The role's password on the local test server (set by <see cref="ConnectionStringAsync"/>; never a real secret).</summary>
    public const string Password = "local-test-only-8c41";

    /// <summary>
    /// Creates the role (or resets its password) and returns a connection string that logs in as it with the right
    /// password, after checking that it does. Throws when the server does not ask this role for a password.
    /// </summary>
    public static async Task<string> ConnectionStringAsync(string adminConnectionString, CancellationToken ct = default)
    {
        await using (var admin = new NpgsqlConnection(adminConnectionString))
        {
            await admin.OpenAsync(ct);
            await using var command = new NpgsqlCommand(
                $"""
                DO $$ BEGIN
                  CREATE ROLE {Name} LOGIN;
                EXCEPTION WHEN duplicate_object THEN NULL;
                END $$;
                SET password_encryption = 'scram-sha-256';
                ALTER ROLE {Name} LOGIN PASSWORD '{Password}';
                """, admin);
            await command.ExecuteNonQueryAsync(ct);
        }

        var settings = new NpgsqlConnectionStringBuilder(adminConnectionString) { Username = Name, Password = Password, Pooling = false };
        var connectionString = settings.ConnectionString;
        await using (var check = new NpgsqlConnection(connectionString))
        {
            await check.OpenAsync(ct);
        }

        settings.Password = "a-wrong-password";
        await using (var wrong = new NpgsqlConnection(settings.ConnectionString))
        {
            try
            {
                await wrong.OpenAsync(ct);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidPassword)
            {
                return connectionString;
            }
        }

        throw new InvalidOperationException(
            $"the test server let {Name} in with a wrong password: its pg_hba.conf lacks the scram-sha-256 rule for {Name} (run deploy/dev/up.sh again)");
    }
}
