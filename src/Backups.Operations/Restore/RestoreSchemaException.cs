namespace Backups.Operations.Restore;

/// <summary>
/// Existing target tables cannot take the snapshot's rows (a missing column, a different type, NOT NULL where the
/// snapshot has NULLs...), or a column has no type in the target dialect. Every problem is listed; nothing was changed.
/// </summary>
public sealed class RestoreSchemaException(IReadOnlyList<string> problems)
    : Exception($"the target cannot take the snapshot's tables as they are: {string.Join("; ", problems)}. Nothing was changed.")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
