namespace Backups.Storage;

/// <summary>Lists objects whose keys start with a prefix, in ordinal key order.</summary>
public interface IObjectLister
{
    IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, CancellationToken cancellationToken);
}
