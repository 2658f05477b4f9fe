namespace Backups.TestFixtures.Postgres;

/// <summary>
/// A fact that needs the real PostgreSQL server: skipped, with the reason shown, when
/// <c>BACKUPS_TEST_PG</c> is not set, unless <c>CI=true</c> (then it runs and fails loudly).
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresServer.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
