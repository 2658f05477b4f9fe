namespace Backups.Storage;

/// <summary>
/// Optional ability paired with <see cref="ITemporaryFileLister"/>: deletes one temporary file by name. Deleting a
/// missing one is not an error. Find it with <see cref="ObjectStoreAbilities.AsTemporaryFileDeleter"/>.
/// </summary>
public interface ITemporaryFileDeleter
{
    Task DeleteTemporaryFileAsync(string name, CancellationToken cancellationToken);
}
