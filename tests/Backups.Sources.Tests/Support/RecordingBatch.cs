using System.Text;
using Backups.Domain.Schema;

namespace Backups.Sources.Tests.Support;

/// <summary>
/// A row batch that turns what a batch reader appends back into rows of canonical CLR values (the row reader's
/// shape), so both reads can be compared value for value. Full every <c>maxRows</c> rows.
/// </summary>
internal sealed class RecordingBatch : IRowBatch
{
    private readonly Sink[] _sinks;
    private readonly int _maxRows;
    private int _inBatch;

    public RecordingBatch(TableSchema table, int maxRows)
    {
        _sinks = [.. table.Columns.Select(c => new Sink(c.Kind))];
        _maxRows = maxRows;
    }

    public List<object?[]> Rows { get; } = [];

    public IColumnSink Column(int ordinal) => _sinks[ordinal];

    public bool EndRow()
    {
        var row = new object?[_sinks.Length];
        for (var i = 0; i < _sinks.Length; i++)
        {
            row[i] = _sinks[i].Take();
        }

        Rows.Add(row);
        return ++_inBatch >= _maxRows;
    }

    /// <summary>Starts the next batch.</summary>
    public void Reset() => _inBatch = 0;

    private sealed class Sink(ColumnKind kind) : IColumnSink
    {
        private object? _value;
        private bool _set;

        public object? Take()
        {
            if (!_set)
            {
                throw new InvalidOperationException("a column got no value for the row");
            }

            _set = false;
            var value = _value;
            _value = null;
            return value;
        }

        public void AppendNull() => Set(null);

        public void AppendBoolean(bool value) => Set(value);

        public void AppendInt16(short value) => Set(value);

        public void AppendInt32(int value) => Set(value);

        public void AppendInt64(long value) => Set(value);

        public void AppendFloat32(float value) => Set(value);

        public void AppendFloat64(double value) => Set(value);

        public void AppendUtf8(ReadOnlySpan<byte> value) => Set(Encoding.UTF8.GetString(value));

        public void AppendBytes(ReadOnlySpan<byte> value) => Set(value.ToArray());

        public void AppendDate(int daysSinceUnixEpoch) => Set(DateOnly.FromDayNumber(DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber + daysSinceUnixEpoch));

        public void AppendTime(long microseconds) => Set(new TimeOnly(microseconds * TimeSpan.TicksPerMicrosecond));

        public void AppendTimestamp(long microsecondsSinceUnixEpoch) =>
            Set(new DateTime(DateTime.UnixEpoch.Ticks + (microsecondsSinceUnixEpoch * TimeSpan.TicksPerMicrosecond), kind == ColumnKind.TimestampTz ? DateTimeKind.Utc : DateTimeKind.Unspecified));

        public void AppendUuid(ReadOnlySpan<byte> value) => Set(new Guid(value, bigEndian: true));

        private void Set(object? value)
        {
            if (_set)
            {
                throw new InvalidOperationException("a column got two values for one row");
            }

            _value = value;
            _set = true;
        }
    }
}
