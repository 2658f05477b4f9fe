using Parquet;
using Parquet.Schema;

namespace Backups.Snapshots.Reading;

/// <summary>Reads a UTF-8 column as strings (null stays null, empty stays empty).</summary>
internal sealed class StringColumnDecoder(DataField field) : ColumnDecoder(field)
{
    private string?[] _values = [];

    public override async ValueTask ReadAsync(ParquetRowGroupReader rowGroup, object?[] target, int count, CancellationToken cancellationToken)
    {
        if (_values.Length < count)
        {
            _values = new string?[count];
        }

        await rowGroup.ReadAsync(Field, _values.AsMemory(0, count), null, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < count; i++)
        {
            target[i] = _values[i];
        }

        Array.Clear(_values, 0, count);
    }
}
