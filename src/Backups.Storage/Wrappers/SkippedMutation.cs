namespace Backups.Storage.Wrappers;

/// <summary>
/// A change that <see cref="DryRunObjectStore"/> did not make: what, where, and for a put the number of bytes,
/// for a class change the target class, for a restore the days and tier.
/// </summary>
public sealed record SkippedMutation(MutationKind Kind, string StoreUrl, string Key, long? Size = null, string? Detail = null);
