using Parquet;
using Parquet.Schema;

namespace Backups.Snapshots.Reading;

/// <summary>Reads a column of fixed-size values and boxes each as its canonical type.</summary>
internal sealed class ValueColumnDecoder<T>(DataField field, Func<T, object> toCanonical) : ColumnDecoder(field)
    where T : struct
{
    private T?[] _nullable = [];
    private T[] _required = [];

    public override async ValueTask ReadAsync(ParquetRowGroupReader rowGroup, object?[] target, int count, CancellationToken cancellationToken)
    {
        if (Field.IsNullable)
        {
            if (_nullable.Length < count)
            {
                _nullable = new T?[count];
            }

            await rowGroup.ReadAsync<T>(Field, _nullable.AsMemory(0, count), null, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < count; i++)
            {
                target[i] = _nullable[i] is { } value ? toCanonical(value) : null;
            }

            return;
        }

        if (_required.Length < count)
        {
            _required = new T[count];
        }

        await rowGroup.ReadAsync<T>(Field, _required.AsMemory(0, count), null, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < count; i++)
        {
            target[i] = toCanonical(_required[i]);
        }
    }
}
