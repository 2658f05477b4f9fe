using Backups.Snapshots.Format;
using Parquet;

namespace Backups.Snapshots.Writing;

/// <summary>A column of byte arrays.</summary>
internal sealed class BinaryColumnBuffer(ManifestColumn column, int maxRows) : ColumnBuffer(column, maxRows)
{
    private const int ObjectOverhead = 32;
    private byte[]?[] _values = [];

    public override Task WriteAsync(ParquetRowGroupWriter rowGroup, CancellationToken cancellationToken) =>
        rowGroup.WriteAsync(Field, new ArraySegment<byte[]>(_values!, 0, Count), null);

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

        var bytes = value is null ? null : CanonicalValues.ToBinary(value);
        _values[Count++] = bytes;
        return ObjectOverhead + (bytes?.Length ?? 0);
    }
}
