using Backups.Domain.Schema;

namespace Backups.Sources;

/// <summary>
/// One consistent snapshot of a source database. Every read of every table sees the same point in time,
/// however long the session lasts and whatever other sessions commit meanwhile.
/// </summary>
public interface ISourceSession : IAsyncDisposable
{
    /// <summary>Which database this is.</summary>
    SourceIdentity Identity { get; }

    /// <summary>
    /// Dialect-specific description of the point in time the snapshot shows, for the manifest.
    /// PostgreSQL: <c>lsn</c>, <c>xid-snapshot</c>, <c>exported-snapshot</c>, <c>snapshot-time</c>.
    /// SQLite: <c>file-change-counter</c>, <c>schema-version</c>, <c>page-count</c>, <c>journal-mode</c>,
    /// <c>file-size</c>, <c>file-mtime-utc</c>.
    /// </summary>
    IReadOnlyDictionary<string, string> ConsistencyPoint { get; }

    /// <summary>The selected tables, ordered by name (ordinal), with columns in ordinal order.</summary>
    IReadOnlyList<TableSchema> Tables { get; }

    /// <summary>How many <see cref="ReadRowsAsync"/> enumerations may run at the same time.</summary>
    int MaxParallelReaders { get; }

    /// <summary>The planner's estimate of the row count, or null when the source has none.</summary>
    long? EstimateRows(TableSchema table);

    /// <summary>
    /// Streams the rows of one of <see cref="Tables"/>. Each row holds one value per column, in column
    /// order, of exactly the canonical CLR type of the column's <see cref="ColumnKind"/>, or null.
    /// Rows come in primary-key order when the table has a primary key (deterministic output);
    /// otherwise in the source's physical order (SQLite: rowid order).
    /// Enumerations of different tables may run concurrently, up to <see cref="MaxParallelReaders"/>;
    /// more wait for a free reader.
    /// </summary>
    /// <exception cref="SourceValueException">A stored value cannot be represented in the column's kind.</exception>
    IAsyncEnumerable<object?[]> ReadRowsAsync(TableSchema table, CancellationToken ct);
}
