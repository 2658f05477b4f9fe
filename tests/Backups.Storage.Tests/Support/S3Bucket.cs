using System.Buffers;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Backups.Storage.S3;

namespace Backups.Storage.Tests.Support;

/// <summary>A fresh bucket on the test S3 server, emptied and deleted on dispose.</summary>
internal sealed class S3Bucket : IAsyncDisposable
{
    private S3Bucket(string name, AmazonS3Client client)
    {
        Name = name;
        Client = client;
    }

    public string Name { get; }

    public AmazonS3Client Client { get; }

    public static async Task<S3Bucket> CreateAsync()
    {
        S3TestEnvironment.Require();
        var client = S3ClientFactory.Create(new S3StoreOptions().WithEnvironmentDefaults(Environment.GetEnvironmentVariable), null);
        var name = $"test-{Guid.NewGuid():N}";
        try
        {
            await client.PutBucketAsync(new PutBucketRequest { BucketName = name });
        }
        catch (Exception e) when (e is HttpRequestException or AmazonServiceException)
        {
            client.Dispose();
            throw new InvalidOperationException(
                $"S3 server is not reachable at {S3TestEnvironment.Endpoint}: {e.Message} (start it with deploy/dev/up.sh and source /tmp/backups-dev/env.sh)", e);
        }

        return new S3Bucket(name, client);
    }

    /// <summary>A store on this bucket below <paramref name="prefix"/>.</summary>
    public S3ObjectStore Store(
        S3StoreOptions? options = null,
        string prefix = "backups/",
        ArrayPool<byte>? pool = null,
        AWSCredentials? credentials = null,
        string? bucket = null) =>
        new(StoreUrl.ForS3(bucket ?? Name, prefix), options, credentials, environment: null, bufferPool: pool);

    public Task<GetObjectMetadataResponse> HeadRawAsync(string fullKey) => Client.GetObjectMetadataAsync(Name, fullKey);

    public async Task<IReadOnlyList<MultipartUpload>> InProgressUploadsAsync()
    {
        var response = await Client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = Name });
        return response.MultipartUploads ?? [];
    }

    public async Task<IReadOnlyList<string>> AllKeysAsync()
    {
        var response = await Client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Name });
        return (response.S3Objects ?? []).Select(o => o.Key).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            foreach (var upload in await InProgressUploadsAsync())
            {
                await Client.AbortMultipartUploadAsync(Name, upload.Key, upload.UploadId);
            }

            foreach (var key in await AllKeysAsync())
            {
                await Client.DeleteObjectAsync(Name, key);
            }

            await Client.DeleteBucketAsync(Name);
        }
        finally
        {
            Client.Dispose();
        }
    }
}
