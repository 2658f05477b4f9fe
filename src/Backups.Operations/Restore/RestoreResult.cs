namespace Backups.Operations.Restore;

/// <summary>A completed restore.</summary>
/// <param name="Snapshot">The snapshot restored from.</param>
/// <param name="Target">The target as its identity describes it, e.g. <c>postgres 127.0.0.1:5432/spare</c>.</param>
/// <param name="Tables">Each table restored, in the order they completed.</param>
/// <param name="Seconds">Wall time of the load phase.</param>
public sealed record RestoreResult(ResolvedSnapshot Snapshot, string Target, IReadOnlyList<RestoredTable> Tables, double Seconds)
{
    /// <summary>
    /// Whether the target was asked, after the commits, how many rows each created or emptied table holds (false
    /// when it accepted no further connection; the counts taken inside each load's transaction still held).
    /// </summary>
    public bool CountedAfter { get; init; }

    public long Rows => Tables.Sum(t => t.Rows);

    public long Bytes => Tables.Sum(t => t.Bytes);
}
