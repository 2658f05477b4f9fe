namespace Backups.Domain.Schema;

/// <summary>
/// A batch of rows being filled column by column: for each row a reader appends exactly one value to every
/// column's sink, in any column order, then calls <see cref="EndRow"/>.
/// </summary>
public interface IRowBatch
{
    /// <summary>The sink of the column at this ordinal (the table's column order).</summary>
    IColumnSink Column(int ordinal);

    /// <summary>Completes the current row; true when the batch is full and the reader must return.</summary>
    bool EndRow();
}
