using Backups.Storage;

namespace Backups.Operations;

/// <summary>An opened store (with its wrappers) and whatever it owns that must be released (the S3 client).</summary>
public sealed class StoreHandle(IObjectStore store, IDisposable? owner) : IDisposable
{
    public IObjectStore Store { get; } = store;

    public string Url => Store.Url;

    public void Dispose() => owner?.Dispose();
}
