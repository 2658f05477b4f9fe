namespace Backups.Storage.Wrappers;

/// <summary>How <see cref="RetryingObjectStore"/> retries: exponential backoff with jitter from <see cref="BaseDelay"/>.</summary>
public sealed record StoreRetryOptions
{
    public int MaxRetryAttempts { get; init; } = 4;

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Told before each retry (for logging at the composition root).</summary>
    public Action<StoreRetry>? OnRetry { get; init; }
}
