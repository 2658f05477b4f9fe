using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Backups.Storage.S3;

namespace Backups.IntegrationTests.Support;

/// <summary>A fresh bucket on the test S3 server, with raw access to its objects; emptied and deleted on dispose.</summary>
internal sealed class TestBucket : IAsyncDisposable
{
    private TestBucket(string name, AmazonS3Client client)
    {
        Name = name;
        Client = client;
    }

    public string Name { get; }

    public AmazonS3Client Client { get; }

    public static async Task<TestBucket> CreateAsync()
    {
        S3TestEnvironment.Require();
        var client = S3ClientFactory.Create(new S3StoreOptions().WithEnvironmentDefaults(Environment.GetEnvironmentVariable), null);
        var name = $"integ-{Guid.NewGuid():N}";
        try
        {
            await client.PutBucketAsync(new PutBucketRequest { BucketName = name });
        }
        catch (Exception e) when (e is HttpRequestException or AmazonServiceException)
        {
            client.Dispose();
            throw new InvalidOperationException(
                $"the S3 server at {S3TestEnvironment.Endpoint} is not reachable: {e.Message} (run deploy/dev/up.sh and source /tmp/backups-dev/env.sh)", e);
        }

        return new TestBucket(name, client);
    }

    /// <summary><c>s3://bucket/prefix</c>.</summary>
    public string Url(string prefix) => $"s3://{Name}/{prefix}";

    /// <summary>Every object key (full, with the store prefix) starting with <paramref name="prefix"/>, in order.</summary>
    public async Task<IReadOnlyList<string>> KeysAsync(string prefix = "")
    {
        var keys = new List<string>();
        var request = new ListObjectsV2Request { BucketName = Name, Prefix = prefix };
        ListObjectsV2Response response;
        do
        {
            response = await Client.ListObjectsV2Async(request);
            keys.AddRange((response.S3Objects ?? []).Select(o => o.Key));
            request.ContinuationToken = response.NextContinuationToken;
        }
        while (response.IsTruncated == true);
        return keys;
    }

    public async Task<IReadOnlyList<MultipartUpload>> InProgressUploadsAsync()
    {
        var response = await Client.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = Name });
        return response.MultipartUploads ?? [];
    }

    public async Task<byte[]> ReadAsync(string key)
    {
        using var response = await Client.GetObjectAsync(Name, key);
        using var buffer = new MemoryStream();
        await response.ResponseStream.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    /// <summary>Replaces an object with <paramref name="content"/> (a plain put, as a careless operator or a bad disk would).</summary>
    public async Task WriteAsync(string key, byte[] content)
    {
        using var stream = new MemoryStream(content, writable: false);
        await Client.PutObjectAsync(new PutObjectRequest { BucketName = Name, Key = key, InputStream = stream, UseChunkEncoding = false });
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            foreach (var upload in await InProgressUploadsAsync())
            {
                await Client.AbortMultipartUploadAsync(Name, upload.Key, upload.UploadId);
            }

            foreach (var key in await KeysAsync())
            {
                await Client.DeleteObjectAsync(Name, key);
            }

            await Client.DeleteBucketAsync(Name);
        }
        catch (Exception e) when (e is HttpRequestException or AmazonServiceException)
        {
            // Leaving a test bucket behind must not fail the test; the dev server is disposable.
        }
        finally
        {
            Client.Dispose();
        }
    }
}
