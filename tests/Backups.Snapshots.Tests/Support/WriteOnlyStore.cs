using Backups.Storage;

namespace Backups.Snapshots.Tests.Support;

/// <summary>Exposes only the writing role of a store (a store that cannot delete).</summary>
internal sealed class WriteOnlyStore(IObjectWriter inner) : IObjectWriter
{
    public Task PutAsync(string key, Stream content, CancellationToken cancellationToken) => inner.PutAsync(key, content, cancellationToken);
}
