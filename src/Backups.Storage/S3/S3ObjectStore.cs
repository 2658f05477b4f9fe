using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Backups.Storage.S3;

/// <summary>
/// An object store in an S3 bucket below a key prefix, on AWS or an S3-compatible server (Ceph radosgw).
/// Every new object asks for server-side encryption; puts stream with bounded memory (see <see cref="S3Upload"/>).
/// Owns its SDK client: dispose the store when done with it.
/// </summary>
public sealed partial class S3ObjectStore : IObjectStore, IArchiveStore, IDisposable
{
    private readonly AmazonS3Client _client;
    private readonly string _bucket;
    private readonly string _prefix;
    private readonly ArrayPool<byte> _bufferPool;
    private readonly S3ErrorMapper _errors;
    private volatile bool _bucketSeen;

    /// <param name="location">An <see cref="StoreKind.S3"/> location.</param>
    /// <param name="options">Settings; unset endpoint and region come from <paramref name="environment"/>.</param>
    /// <param name="credentials">Credentials; null means the SDK's default chain (environment, profile, instance role).</param>
    /// <param name="environment">Reads environment variables; null means the process environment.</param>
    public S3ObjectStore(
        StoreUrl location,
        S3StoreOptions? options = null,
        AWSCredentials? credentials = null,
        Func<string, string?>? environment = null)
        : this(location, options, credentials, environment, bufferPool: null)
    {
    }

    internal S3ObjectStore(
        StoreUrl location,
        S3StoreOptions? options,
        AWSCredentials? credentials,
        Func<string, string?>? environment,
        ArrayPool<byte>? bufferPool)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (location.Kind != StoreKind.S3)
        {
            throw new ArgumentException($"{location} is not an S3 location", nameof(location));
        }

        Options = (options ?? new S3StoreOptions()).WithEnvironmentDefaults(environment ?? Environment.GetEnvironmentVariable);
        var errors = Options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException($"invalid S3 options for {location}: {string.Join("; ", errors)}", nameof(options));
        }

        _bucket = location.Bucket!;
        _prefix = location.KeyPrefix;
        _bufferPool = bufferPool ?? ArrayPool<byte>.Shared;
        Url = location.ToString();
        _errors = new S3ErrorMapper(Url, _bucket, Options.EndpointForMessages);
        _client = S3ClientFactory.Create(Options, credentials);
    }

    public string Url { get; }

    /// <summary>The options in force, with endpoint and region resolved.</summary>
    public S3StoreOptions Options { get; }

    internal IAmazonS3 Client => _client;

    internal string Bucket => _bucket;

    internal string Prefix => _prefix;

    /// <summary>Objects up to this size change class with one CopyObject; larger ones with a multipart copy.</summary>
    internal long MaxSingleCopySize { get; init; } = 5L * 1024 * 1024 * 1024;

    internal long CopyPartSize { get; init; } = 512L * 1024 * 1024;

    /// <summary>Keys per ListObjectsV2 page; null means the server's default (1000).</summary>
    internal int? ListPageSize { get; init; }

    public async Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var objectKey = FullKey(key);
        try
        {
            var response = await _client.GetObjectAsync(_bucket, objectKey, cancellationToken).ConfigureAwait(false);
            _bucketSeen = true;
            return response.ResponseStream;
        }
        catch (AmazonS3Exception e) when (!_bucketSeen && e.ErrorCode is not ("NoSuchKey" or "NoSuchBucket") && (int)e.StatusCode is 404 or 405)
        {
            // radosgw answers a GET in a missing bucket with 405 MethodNotAllowed: find out whether the bucket exists.
            await EnsureBucketExistsAsync(cancellationToken).ConfigureAwait(false);
            throw _errors.Map(e, key, cancellationToken);
        }
        catch (Exception e)
        {
            throw _errors.Map(e, key, cancellationToken);
        }
    }

    public async Task<ObjectInfo?> HeadAsync(string key, CancellationToken cancellationToken)
    {
        var metadata = await HeadMetadataAsync(key, cancellationToken).ConfigureAwait(false);
        return metadata is null
            ? null
            : new ObjectInfo(key, metadata.ContentLength, StorageClassOf(metadata.StorageClass));
    }

    public async Task PutAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var objectKey = FullKey(key);
        try
        {
            await new S3Upload(_client, Options, _bufferPool, _bucket, objectKey)
                .RunAsync(content, cancellationToken).ConfigureAwait(false);
        }
        catch (ContentStreamException e)
        {
            ExceptionDispatchInfo.Throw(e.InnerException!);
        }
        catch (Exception e)
        {
            throw _errors.Map(e, key, cancellationToken);
        }
    }

    public async IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ObjectKey.ValidatePrefix(prefix);
        var request = new ListObjectsV2Request { BucketName = _bucket, Prefix = _prefix + prefix, MaxKeys = ListPageSize };
        while (true)
        {
            ListObjectsV2Response page;
            try
            {
                page = await _client.ListObjectsV2Async(request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                throw _errors.Map(e, string.Empty, cancellationToken);
            }

            _bucketSeen = true;
            foreach (var item in page.S3Objects ?? [])
            {
                // Keys ending in '/' are folder markers made by consoles, not objects of this store.
                if (item.Key.Length > _prefix.Length && !item.Key.EndsWith('/'))
                {
                    yield return new ObjectInfo(item.Key[_prefix.Length..], item.Size ?? 0, StorageClassOf(item.StorageClass));
                }
            }

            if (page.IsTruncated != true || string.IsNullOrEmpty(page.NextContinuationToken))
            {
                yield break;
            }

            request.ContinuationToken = page.NextContinuationToken;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var objectKey = FullKey(key);
        try
        {
            await _client.DeleteObjectAsync(_bucket, objectKey, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            throw _errors.Map(e, key, cancellationToken);
        }
    }

    public void Dispose() => _client.Dispose();

    private async Task<GetObjectMetadataResponse?> HeadMetadataAsync(string key, CancellationToken cancellationToken)
    {
        var objectKey = FullKey(key);
        try
        {
            var response = await _client.GetObjectMetadataAsync(_bucket, objectKey, cancellationToken).ConfigureAwait(false);
            _bucketSeen = true;
            return response;
        }
        catch (AmazonS3Exception e) when (S3ErrorMapper.IsNotFound(e))
        {
            // A HEAD answers 404 without a body both for a missing key and a missing bucket: tell them apart once.
            if (!_bucketSeen)
            {
                await EnsureBucketExistsAsync(cancellationToken).ConfigureAwait(false);
            }

            return null;
        }
        catch (Exception e)
        {
            throw _errors.Map(e, key, cancellationToken);
        }
    }

    private async Task EnsureBucketExistsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _client.ListObjectsV2Async(
                new ListObjectsV2Request { BucketName = _bucket, Prefix = _prefix, MaxKeys = 1 },
                cancellationToken).ConfigureAwait(false);
            _bucketSeen = true;
        }
        catch (Exception e)
        {
            throw _errors.Map(e, string.Empty, cancellationToken);
        }
    }

    private string FullKey(string key) => _prefix + ObjectKey.Validate(key);

    private static string StorageClassOf(S3StorageClass? storageClass) =>
        string.IsNullOrEmpty(storageClass?.Value) ? StorageClasses.Standard : storageClass.Value;
}
