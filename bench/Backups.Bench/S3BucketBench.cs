using Amazon.S3;
using Amazon.S3.Model;
using Backups.Storage;
using Backups.Storage.S3;

namespace Backups.Bench;

/// <summary>
/// Makes sure a bucket exists on the S3 endpoint of the environment (AWS_ENDPOINT_URL_S3 and the usual AWS_*
/// variables), and optionally deletes everything below a prefix so repeated benchmark runs do not pile up.
/// </summary>
internal sealed class S3BucketBench : IBenchMode
{
    public string Name => "s3-bucket";

    public string Usage => "s3-bucket <bucket> [--empty PREFIX]   (creates the bucket if missing; --empty deletes every object below PREFIX)";

    public int Run(IReadOnlyList<string> args, TextWriter output)
    {
        var parsed = BenchArguments.Parse(args, [], ["--empty"]);
        var bucket = parsed.Required(0, "bucket");
        parsed.NoMoreThan(1);
        return RunAsync(bucket, parsed.Value("--empty"), output).GetAwaiter().GetResult();
    }

    private static async Task<bool> ExistsAsync(IAmazonS3 client, string bucket)
    {
        try
        {
            await client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, MaxKeys = 1 });
            return true;
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchBucket")
        {
            return false;
        }
    }

    private static async Task<int> RunAsync(string bucket, string? emptyPrefix, TextWriter output)
    {
        var options = new S3StoreOptions().WithEnvironmentDefaults(Environment.GetEnvironmentVariable);
        using (var client = S3ClientFactory.Create(options, credentials: null))
        {
            if (await ExistsAsync(client, bucket))
            {
                output.WriteLine($"bucket {bucket} exists at {options.EndpointForMessages}");
            }
            else
            {
                await client.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
                output.WriteLine($"created bucket {bucket} at {options.EndpointForMessages}");
            }
        }

        if (emptyPrefix is null)
        {
            return 0;
        }

        var url = StoreUrl.ForS3(bucket, emptyPrefix.Trim('/'));
        var store = ObjectStoreFactory.Open(url, environment: Environment.GetEnvironmentVariable);
        try
        {
            long count = 0, bytes = 0;
            var keys = new List<string>();
            await foreach (var item in store.ListAsync("", CancellationToken.None))
            {
                keys.Add(item.Key);
                bytes += item.Size;
            }

            foreach (var key in keys)
            {
                await store.DeleteAsync(key, CancellationToken.None);
                count++;
            }

            output.WriteLine($"emptied {url}: deleted {count} objects, {bytes / (1024.0 * 1024):0.0} MiB");
        }
        finally
        {
            (store as IDisposable)?.Dispose();
        }

        return 0;
    }
}
