namespace Backups.IntegrationTests.Support;

/// <summary>
/// A test that needs the real S3 server: skipped with the reason when the environment does not describe one,
/// except under CI=true, where it runs and fails saying what is missing.
/// </summary>
public sealed class S3FactAttribute : FactAttribute
{
    public S3FactAttribute()
    {
        if (S3TestEnvironment.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
