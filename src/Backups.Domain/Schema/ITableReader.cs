namespace Backups.Domain.Schema;

/// <summary>
/// Reads one table into batches of rows, without an object per row or per value. Rows come in the same order the
/// row-at-a-time read gives (primary-key order when there is a primary key).
/// </summary>
public interface ITableReader : IAsyncDisposable
{
    /// <summary>
    /// Appends rows to <paramref name="batch"/> until the batch reports full or the table ends. Returns the number
    /// of rows appended: 0 once the table has no more rows.
    /// </summary>
    ValueTask<int> ReadAsync(IRowBatch batch, CancellationToken cancellationToken);
}
