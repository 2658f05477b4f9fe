using Backups.Snapshots.Format;
using Parquet;

namespace Backups.Snapshots.Writing;

/// <summary>A column of strings (text, JSON, exact decimals, dialect text), stored as UTF-8.</summary>
internal sealed class StringColumnBuffer(ManifestColumn column, int maxRows) : ColumnBuffer(column, maxRows)
{
    private const int ObjectOverhead = 32;
    private string?[] _values = [];

    public override Task WriteAsync(ParquetRowGroupWriter rowGroup, CancellationToken cancellationToken) =>
        rowGroup.WriteAsync(Field, new ArraySegment<string>(_values!, 0, Count), null);

    public override void Clear()
    {
        Array.Clear(_values, 0, Count);
        Count = 0;
    }

    protected override int AddValue(object? value)
    {
        if (Count == _values.Length)
        {
            Array.Resize(ref _values, GrowTo(_values.Length));
        }

        var text = value is null ? null : CanonicalValues.ToText(value, Column.Kind);
        _values[Count++] = text;
        return ObjectOverhead + (text is null ? 0 : text.Length * sizeof(char));
    }
}
