namespace Backups.Storage;

/// <summary>Deletes objects. Deleting a missing key is not an error.</summary>
public interface IObjectDeleter
{
    Task DeleteAsync(string key, CancellationToken cancellationToken);
}
