using Backups.Domain.Schema;
using Backups.Snapshots.Columnar;

namespace Backups.Snapshots.Writing;

/// <summary>
/// One row group being filled: a column chunk buffer per column, full at <see cref="MaxRows"/> rows or once the
/// buffered values pass <see cref="MaxBytes"/> (checked every few rows: the estimate walks every column, and so does the check that every column got its value).
/// </summary>
internal sealed class RowBatch : IRowBatch
{
    private const int CheckBytesEvery = 64;

    private readonly ColumnChunkBuffer[] _columns;

    public RowBatch(IReadOnlyList<ManifestColumn> columns, int maxRows, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _columns = [.. columns.Select(ColumnChunkBuffer.Create)];
        MaxRows = maxRows;
        MaxBytes = maxBytes;
    }

    public int MaxRows { get; }

    public long MaxBytes { get; }

    public int RowCount { get; private set; }

    public bool IsFull { get; private set; }

    public IReadOnlyList<ColumnChunkBuffer> Columns => _columns;

    public long BufferedBytes => _columns.Sum(c => c.BufferedBytes);

    public IColumnSink Column(int ordinal) => _columns[ordinal];

    public bool EndRow()
    {
        RowCount++;
        if (RowCount % CheckBytesEvery == 0 || RowCount >= MaxRows)
        {
            CheckAligned();
            IsFull = RowCount >= MaxRows || BufferedBytes >= MaxBytes;
        }

        return IsFull;
    }

    /// <summary>Throws unless every column holds exactly one value per row (a reader bug otherwise).</summary>
    public void CheckAligned()
    {
        foreach (var column in _columns)
        {
            if (column.RowCount != RowCount)
            {
                throw new InvalidOperationException(
                    $"after row {RowCount} of the batch, column '{column.Column.Name}' holds {column.RowCount} values; every column needs exactly one per row");
            }
        }
    }

    public void Clear()
    {
        foreach (var column in _columns)
        {
            column.Clear();
        }

        RowCount = 0;
        IsFull = false;
    }

    public void Release()
    {
        foreach (var column in _columns)
        {
            column.Release();
        }

        RowCount = 0;
        IsFull = false;
    }
}
