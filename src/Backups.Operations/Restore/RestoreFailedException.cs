namespace Backups.Operations.Restore;

/// <summary>
/// A table could not be restored (a corrupt snapshot object, a row the target refused, a row count that does not
/// match the manifest, the target's connection lost). That table's load was rolled back; tables committed before the failure stay restored and
/// are listed, as are those never started.
/// </summary>
public sealed class RestoreFailedException(
    string message, string failedTable, IReadOnlyList<RestoredTable> restored, IReadOnlyList<string> notRestored, Exception cause)
    : Exception(message, cause)
{
    /// <summary>The snapshot table that failed.</summary>
    public string FailedTable { get; } = failedTable;

    /// <summary>Tables restored and committed before the failure.</summary>
    public IReadOnlyList<RestoredTable> Restored { get; } = restored;

    /// <summary>Tables not restored (the failed one first).</summary>
    public IReadOnlyList<string> NotRestored { get; } = notRestored;

    /// <summary>
    /// True when the failure was not the data's: the target's connection went away, or the temporary directory the
    /// parts are downloaded to is full. Trying again later, or elsewhere, may succeed.
    /// </summary>
    public bool Unavailable { get; init; }
}
