namespace Backups.Operations.Restore;

/// <summary>
/// A safety guard refused the restore before anything was changed: the target is the snapshot's own source, or a
/// table to create already exists.
/// </summary>
public sealed class RestoreRefusedException(string message) : Exception(message);
