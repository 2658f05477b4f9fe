using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Backups.Domain.Schema;

namespace Backups.Sources.Tests.Targets.Support;

/// <summary>
/// Canonical rows turned into column batches in storage form (what a snapshot's row groups decode to), written
/// here from <see cref="IColumnValues"/>'s description, to feed a bulk load.
/// </summary>
internal sealed class ColumnarRows : IColumnarBatch
{
    private readonly ColumnData[] _columns;

    private ColumnarRows(TableSchema table, IReadOnlyList<object?[]> rows)
    {
        RowCount = rows.Count;
        _columns = [.. table.Columns.Select((c, i) => new ColumnData(c.Kind, rows.Select(r => r[i]).ToList()))];
    }

    public int RowCount { get; }

    public IColumnValues Column(int ordinal) => _columns[ordinal];

    public static async IAsyncEnumerable<IColumnarBatch> Batches(
        TableSchema table, IEnumerable<object?[]> rows, int batchRows, [EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var chunk in rows.Chunk(batchRows))
        {
            ct.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return new ColumnarRows(table, chunk);
        }
    }

    private sealed class ColumnData : IColumnValues
    {
        private readonly byte[] _levels;
        private readonly byte[] _fixed;
        private readonly byte[] _data;
        private readonly int[] _ends;

        public ColumnData(ColumnKind kind, List<object?> values)
        {
            Kind = kind;
            _levels = values.Any(v => v is null) ? [.. values.Select(v => v is null ? (byte)0 : (byte)1)] : [];
            var present = values.OfType<object>().ToList();
            if (kind is ColumnKind.Text or ColumnKind.Json or ColumnKind.Decimal or ColumnKind.DialectText or ColumnKind.Binary)
            {
                var bytes = present.Select(v => v as byte[] ?? Encoding.UTF8.GetBytes((string)v)).ToList();
                _data = [.. bytes.SelectMany(b => b)];
                var end = 0;
                _ends = [.. bytes.Select(b => end += b.Length)];
                _fixed = [];
            }
            else
            {
                _fixed = [.. present.SelectMany(v => Storage(kind, v))];
                _data = [];
                _ends = [];
            }
        }

        public ColumnKind Kind { get; }

        public ReadOnlySpan<byte> Levels => _levels;

        public ReadOnlySpan<byte> FixedValues => _fixed;

        public ReadOnlySpan<byte> Data => _data;

        public ReadOnlySpan<int> Ends => _ends;

        private static byte[] Storage(ColumnKind kind, object value) => kind switch
        {
            ColumnKind.Boolean => [(bool)value ? (byte)1 : (byte)0],
            ColumnKind.Int16 => BitConverter.GetBytes((int)(short)value),
            ColumnKind.Int32 => BitConverter.GetBytes((int)value),
            ColumnKind.Int64 => BitConverter.GetBytes((long)value),
            ColumnKind.Float32 => BitConverter.GetBytes((float)value),
            ColumnKind.Float64 => BitConverter.GetBytes((double)value),
            ColumnKind.Date => BitConverter.GetBytes(((DateOnly)value).DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber),
            ColumnKind.Time => BitConverter.GetBytes(((TimeOnly)value).Ticks / TimeSpan.TicksPerMicrosecond),
            ColumnKind.Timestamp or ColumnKind.TimestampTz => BitConverter.GetBytes((((DateTime)value).Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMicrosecond),
            ColumnKind.Uuid => ((Guid)value).ToByteArray(bigEndian: true),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }
}
