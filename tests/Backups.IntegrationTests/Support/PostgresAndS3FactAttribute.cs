using Backups.TestFixtures.Postgres;

namespace Backups.IntegrationTests.Support;

/// <summary>A test that needs both real servers, PostgreSQL and S3; skipped (outside CI) when either is not configured.</summary>
public sealed class PostgresAndS3FactAttribute : FactAttribute
{
    public PostgresAndS3FactAttribute()
    {
        if ((PostgresServer.SkipReason ?? S3TestEnvironment.SkipReason) is { } reason)
        {
            Skip = reason;
        }
    }
}
