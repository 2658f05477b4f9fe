namespace Backups.Storage;

/// <summary>Reads objects. A missing key throws <see cref="ObjectNotFoundException"/>.</summary>
public interface IObjectReader
{
    Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Size and storage class of one object, or null when it does not exist.</summary>
    Task<ObjectInfo?> HeadAsync(string key, CancellationToken cancellationToken);
}
