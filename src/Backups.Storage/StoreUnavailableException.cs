namespace Backups.Storage;

/// <summary>The store cannot be reached or refused the request (network, credentials, full disk, missing bucket).</summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
