namespace Backups.Domain.Schema;

/// <summary>
/// A batch of rows held column by column (a snapshot's row group, say): what a bulk loader consumes without an
/// object per row or value. Valid until the producer moves on to the next batch.
/// </summary>
public interface IColumnarBatch
{
    int RowCount { get; }

    /// <summary>The column at this ordinal (the table's column order).</summary>
    IColumnValues Column(int ordinal);
}
