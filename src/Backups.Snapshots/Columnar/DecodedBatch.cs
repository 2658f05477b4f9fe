using Backups.Domain.Schema;

namespace Backups.Snapshots.Columnar;

/// <summary>A decoded row group, column by column; reused from one row group to the next.</summary>
internal sealed class DecodedBatch(IReadOnlyList<ManifestColumn> columns) : IColumnarBatch
{
    private readonly DecodedColumn[] _columns = [.. columns.Select(c => new DecodedColumn(c))];

    public int RowCount { get; set; }

    public IReadOnlyList<DecodedColumn> Columns => _columns;

    public IColumnValues Column(int ordinal) => _columns[ordinal];

    public void Clear()
    {
        RowCount = 0;
        foreach (var column in _columns)
        {
            column.Clear();
        }
    }

    public void Release()
    {
        foreach (var column in _columns)
        {
            column.Release();
        }
    }
}
