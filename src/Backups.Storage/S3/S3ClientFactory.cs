using Amazon;
using Amazon.Runtime;
using Amazon.S3;

namespace Backups.Storage.S3;

/// <summary>Builds the SDK client from resolved <see cref="S3StoreOptions"/>.</summary>
internal static class S3ClientFactory
{
    public static AmazonS3Client Create(S3StoreOptions options, AWSCredentials? credentials)
    {
        var region = options.Region ?? S3StoreOptions.DefaultRegion;
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle ?? options.IsCustomEndpoint,
        };

        if (options.ServiceUrl is { } serviceUrl)
        {
            // S3-compatible servers (Ceph radosgw) reject the SDK's default flexible checksums and
            // aws-chunked uploads; checksums only where the API requires them, chunk encoding off per request.
            config.ServiceURL = serviceUrl;
            config.AuthenticationRegion = region;
            config.RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED;
            config.ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED;
            // ...and some answer a request before reading its body: see S3CompatibleHttpClientFactory.
            config.HttpClientFactory = S3CompatibleHttpClientFactory.Instance;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        return credentials is null ? new AmazonS3Client(config) : new AmazonS3Client(credentials, config);
    }
}
