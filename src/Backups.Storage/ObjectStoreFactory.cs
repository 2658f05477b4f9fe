using Amazon.Runtime;
using Backups.Storage.Files;
using Backups.Storage.S3;

namespace Backups.Storage;

/// <summary>
/// Opens the store a URL names: <c>s3://bucket/prefix</c>, <c>file:///absolute/path</c>, or a directory path.
/// Returns the bare store; the composition root adds wrappers (retries, dry run). An S3 store owns an SDK client
/// and is <see cref="IDisposable"/>.
/// </summary>
public static class ObjectStoreFactory
{
    public static IObjectStore Open(
        string url,
        S3StoreOptions? s3Options = null,
        AWSCredentials? credentials = null,
        Func<string, string?>? environment = null) =>
        Open(StoreUrl.Parse(url), s3Options, credentials, environment);

    public static IObjectStore Open(
        StoreUrl url,
        S3StoreOptions? s3Options = null,
        AWSCredentials? credentials = null,
        Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.Kind switch
        {
            StoreKind.S3 => new S3ObjectStore(url, s3Options, credentials, environment),
            _ => new FileObjectStore(url.DirectoryPath!),
        };
    }
}
