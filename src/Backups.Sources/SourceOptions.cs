namespace Backups.Sources;

/// <summary>Tuning of a source; the defaults suit a snapshot job.</summary>
public sealed record SourceOptions
{
    /// <summary>
    /// Concurrent table readers (PostgreSQL: one connection each, the snapshot's coordinator included; the session may
    /// get fewer, see <see cref="ISourceSession.MaxParallelReaders"/>). SQLite always uses one.
    /// </summary>
    public int MaxParallelReaders { get; init; } = 4;

    /// <summary>
    /// How long to wait for the ACCESS SHARE lock on each table (PostgreSQL) before giving up, or null
    /// to wait as long as it takes (like pg_dump without <c>--lock-wait-timeout</c>).
    /// </summary>
    public TimeSpan? LockTimeout { get; init; }

    /// <summary>
    /// The least data (PostgreSQL: heap bytes) per slice when a large table is split for parallel readers: a table
    /// under twice this size is read whole.
    /// </summary>
    public long SliceBytes { get; init; } = 32L * 1024 * 1024;
}
