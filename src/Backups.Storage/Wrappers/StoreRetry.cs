namespace Backups.Storage.Wrappers;

/// <summary>One retry about to happen: the operation, its key or prefix, the attempt that failed and the wait before the next.</summary>
public sealed record StoreRetry(string StoreUrl, StoreOperation Operation, string Key, int FailedAttempt, TimeSpan Delay, Exception Error);
