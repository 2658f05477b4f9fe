namespace Backups.IntegrationTests.Support;

/// <summary>A theory that needs the real S3 server; skipped like <see cref="S3FactAttribute"/>.</summary>
public sealed class S3TheoryAttribute : TheoryAttribute
{
    public S3TheoryAttribute()
    {
        if (S3TestEnvironment.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
