namespace Backups.Storage;

/// <summary>
/// The store cannot be reached or refused the request (network, credentials, full disk, missing bucket).
/// <see cref="IsTransient"/> is true when trying again later may succeed (throttling, 5xx, a dropped connection).
/// </summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null, bool isTransient = false)
    : Exception(message, inner)
{
    public bool IsTransient { get; } = isTransient;
}
