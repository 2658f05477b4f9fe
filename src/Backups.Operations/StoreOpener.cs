using Backups.Domain.Policies;
using Backups.Storage;
using Backups.Storage.S3;
using Backups.Storage.Wrappers;

namespace Backups.Operations;

/// <summary>Opens a store by URL with the cross-cutting wrappers every use case wants (retries on transient failures).</summary>
public static class StoreOpener
{
    /// <summary>The canonical URL of a store, as the catalog records it (relative paths made absolute).</summary>
    public static string Canonical(string url) => Parse(url).ToString();

    public static StoreHandle Open(string url, Func<string, string?> environment, Action<StoreRetry>? onRetry = null) =>
        Open(url, environment, s3: null, onRetry);

    /// <summary>
    /// Opens the store with a policy's S3 settings (<c>store: { url, endpoint, region, encryption, kms-key-id }</c>).
    /// They apply to <c>s3://</c> URLs only; what they leave unset comes from the environment (AWS_ENDPOINT_URL_S3,
    /// AWS_ENDPOINT_URL, AWS_REGION), so a policy's endpoint wins over the environment's.
    /// </summary>
    public static StoreHandle Open(string url, Func<string, string?> environment, S3Spec? s3, Action<StoreRetry>? onRetry = null)
    {
        var parsed = Parse(url);
        IObjectStore bare;
        try
        {
            bare = ObjectStoreFactory.Open(parsed, parsed.Kind == StoreKind.S3 ? Options(s3) : null, environment: environment);
        }
        catch (ArgumentException e) when (s3 is not null)
        {
            throw new OperationInputException($"bad S3 settings for {parsed}: {e.Message}");
        }

        return new StoreHandle(new RetryingObjectStore(bare, new StoreRetryOptions { OnRetry = onRetry }), bare as IDisposable);
    }

    /// <summary>The S3 store options a policy's settings ask for (unset ones left for the environment), or null.</summary>
    public static S3StoreOptions? Options(S3Spec? s3) => s3 is null
        ? null
        : new S3StoreOptions
        {
            ServiceUrl = s3.Endpoint,
            Region = s3.Region,
            ServerSideEncryption = s3.Encryption ?? S3StoreOptions.Aes256,
            KmsKeyId = s3.KmsKeyId,
        };

    private static StoreUrl Parse(string url)
    {
        try
        {
            return StoreUrl.Parse(url);
        }
        catch (FormatException e)
        {
            throw new OperationInputException($"bad store URL '{url}': {e.Message}");
        }
    }
}
