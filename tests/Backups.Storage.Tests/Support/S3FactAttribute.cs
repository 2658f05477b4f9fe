namespace Backups.Storage.Tests.Support;

/// <summary>
/// A test that needs the real S3 server (radosgw from deploy/dev/up.sh). Skipped with the reason when the
/// environment is not set up, except under CI=true, where the test runs and fails saying the server is not reachable.
/// </summary>
public sealed class S3FactAttribute : FactAttribute
{
    public S3FactAttribute()
    {
        if (S3TestEnvironment.MissingReason is { } reason && !S3TestEnvironment.IsCi)
        {
            Skip = reason;
        }
    }
}
