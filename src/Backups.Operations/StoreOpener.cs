using Backups.Storage;
using Backups.Storage.Wrappers;

namespace Backups.Operations;

/// <summary>Opens a store by URL with the cross-cutting wrappers every use case wants (retries on transient failures).</summary>
public static class StoreOpener
{
    /// <summary>The canonical URL of a store, as the catalog records it (relative paths made absolute).</summary>
    public static string Canonical(string url) => Parse(url).ToString();

    public static StoreHandle Open(string url, Func<string, string?> environment, Action<StoreRetry>? onRetry = null)
    {
        var bare = ObjectStoreFactory.Open(Parse(url), environment: environment);
        return new StoreHandle(new RetryingObjectStore(bare, new StoreRetryOptions { OnRetry = onRetry }), bare as IDisposable);
    }

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
