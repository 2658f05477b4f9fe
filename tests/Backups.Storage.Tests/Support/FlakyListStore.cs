using System.Runtime.CompilerServices;

namespace Backups.Storage.Tests.Support;

/// <summary>A store whose first listing breaks with a transient error after some items (a dropped connection mid-page).</summary>
internal sealed class FlakyListStore(IObjectStore inner, int failAfterItems) : IObjectStore
{
    public int Listings { get; private set; }

    public string Url => inner.Url;

    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken) => inner.OpenReadAsync(key, cancellationToken);

    public Task<ObjectInfo?> HeadAsync(string key, CancellationToken cancellationToken) => inner.HeadAsync(key, cancellationToken);

    public Task PutAsync(string key, Stream content, CancellationToken cancellationToken) => inner.PutAsync(key, content, cancellationToken);

    public Task DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);

    public async IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var listing = ++Listings;
        var count = 0;
        await foreach (var item in inner.ListAsync(prefix, cancellationToken))
        {
            if (listing == 1 && count++ == failAfterItems)
            {
                throw new StoreUnavailableException("connection reset", isTransient: true);
            }

            yield return item;
        }
    }
}
