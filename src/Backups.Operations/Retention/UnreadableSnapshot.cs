namespace Backups.Operations.Retention;

/// <summary>A snapshot whose manifest exists but could not be read or checked; it is never expired, only reported.</summary>
public sealed record UnreadableSnapshot(string Id, string Error);
