namespace Backups.Storage;

/// <summary>
/// Optional ability of a store with archive storage classes (S3: GLACIER_IR, GLACIER, DEEP_ARCHIVE).
/// Find it with <see cref="ObjectStoreAbilities.AsArchiveStore"/> rather than a cast, so wrappers keep working.
/// </summary>
public interface IArchiveStore
{
    /// <summary>Moves one object to another storage class, keeping its content, metadata and encryption.</summary>
    Task ChangeStorageClassAsync(string key, string storageClass, CancellationToken cancellationToken);

    /// <summary>
    /// Asks for a temporary readable copy of an archived object for <paramref name="days"/> days.
    /// Asking again while a restore is in progress is not an error; an object that is not archived needs no restore.
    /// Throws <see cref="NotSupportedException"/> when the server does not implement restores.
    /// </summary>
    Task RequestRestoreAsync(string key, int days, RestoreTier tier, CancellationToken cancellationToken);

    /// <summary>Where an object stands: readable, archived, being restored, or restored until a given instant.</summary>
    Task<RestoreStatus> GetRestoreStatusAsync(string key, CancellationToken cancellationToken);
}
