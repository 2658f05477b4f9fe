namespace Backups.Storage.Tests.Support;

/// <summary>Base of the S3 integration tests: every test gets a fresh bucket, deleted afterwards.</summary>
public abstract class S3BucketTest : IAsyncLifetime
{
    private S3Bucket? _bucket;

    internal S3Bucket Bucket => _bucket ?? throw new InvalidOperationException("the bucket is created in InitializeAsync");

    public async Task InitializeAsync() => _bucket = await S3Bucket.CreateAsync();

    public async Task DisposeAsync()
    {
        if (_bucket is not null)
        {
            await _bucket.DisposeAsync();
        }
    }
}
