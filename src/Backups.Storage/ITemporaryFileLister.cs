namespace Backups.Storage;

/// <summary>
/// Optional ability of a store that writes objects through temporary files of its own (the directory store's
/// <c>.tmp/</c>): lists them, so that those left by a crashed process can be collected. They are never objects.
/// Find it with <see cref="ObjectStoreAbilities.AsTemporaryFileLister"/>.
/// </summary>
public interface ITemporaryFileLister
{
    IAsyncEnumerable<TemporaryFile> ListTemporaryFilesAsync(CancellationToken cancellationToken);
}
