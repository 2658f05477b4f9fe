using Backups.Snapshots.Format;
using Parquet;

namespace Backups.Snapshots.Writing;

/// <summary>A column of fixed-size values (numbers, dates, times, UUIDs).</summary>
internal sealed class ValueColumnBuffer<T> : ColumnBuffer
    where T : struct
{
    private readonly Func<object, T> _convert;
    private readonly int _valueSize;
    private T?[] _nullable = [];
    private T[] _required = [];

    public ValueColumnBuffer(ManifestColumn column, int maxRows, Func<object, T> convert, int valueSize)
        : base(column, maxRows)
    {
        _convert = convert;
        _valueSize = valueSize;
    }

    public override Task WriteAsync(ParquetRowGroupWriter rowGroup, CancellationToken cancellationToken)
    {
        return Column.Nullable
            ? rowGroup.WriteAsync<T>(Field, _nullable.AsMemory(0, Count), null, null, cancellationToken)
            : rowGroup.WriteAsync<T>(Field, _required.AsMemory(0, Count), null, null, cancellationToken);
    }

    public override void Clear() => Count = 0;

    protected override int AddValue(object? value)
    {
        if (Column.Nullable)
        {
            if (Count == _nullable.Length)
            {
                Array.Resize(ref _nullable, GrowTo(_nullable.Length));
            }

            _nullable[Count++] = value is null ? null : _convert(value);
            return _valueSize + 1;
        }

        if (Count == _required.Length)
        {
            Array.Resize(ref _required, GrowTo(_required.Length));
        }

        _required[Count++] = _convert(value!);
        return _valueSize;
    }
}
