using Parquet;
using Parquet.Schema;

namespace Backups.Snapshots.Reading;

/// <summary>Reads a BYTE_ARRAY column as byte arrays.</summary>
internal sealed class BinaryColumnDecoder(DataField field) : ColumnDecoder(field)
{
    private byte[]?[] _values = [];

    public override async ValueTask ReadAsync(ParquetRowGroupReader rowGroup, object?[] target, int count, CancellationToken cancellationToken)
    {
        if (_values.Length < count)
        {
            _values = new byte[]?[count];
        }

        await rowGroup.ReadAsync(Field, _values.AsMemory(0, count), null, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < count; i++)
        {
            target[i] = _values[i];
        }

        Array.Clear(_values, 0, count);
    }
}
