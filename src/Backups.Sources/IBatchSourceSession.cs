using Backups.Domain.Schema;

namespace Backups.Sources;

/// <summary>
/// A source session that can also read a table in batches, straight into column sinks, without an object per row
/// or value: the fast path of a snapshot. Rows, values and consistency are exactly those of
/// <see cref="ISourceSession.ReadRowsAsync"/>; readers count against <see cref="ISourceSession.MaxParallelReaders"/>.
/// </summary>
public interface IBatchSourceSession
{
    /// <summary>
    /// A reader of one of the session's tables, or of one slice of it; it takes a connection on its first read and
    /// gives it back when disposed.
    /// </summary>
    ITableReader OpenTableReader(TableSchema table, TableSlice? slice);

    /// <summary>
    /// Splits a table into at most <paramref name="maxSlices"/> slices of roughly equal size when it is large
    /// enough to be worth reading in parallel (the source decides); an empty list means: read it whole.
    /// </summary>
    Task<IReadOnlyList<TableSlice>> SliceAsync(TableSchema table, int maxSlices, CancellationToken ct);
}
