using Backups.Domain.Schema;
using Backups.Snapshots.Format;
using Parquet;
using Parquet.Schema;

namespace Backups.Snapshots.Writing;

/// <summary>
/// The values of one column for the row group being built. Buffers grow as rows arrive up to the row-group size
/// and are reused for the next row group, so a table writer holds at most one row group in memory.
/// </summary>
internal abstract class ColumnBuffer
{
    protected const int InitialCapacity = 1024;

    protected ColumnBuffer(ManifestColumn column, int maxRows)
    {
        Column = column;
        MaxRows = maxRows;
        Field = ParquetColumns.FieldFor(column);
    }

    public ManifestColumn Column { get; }

    public DataField Field { get; }

    public int Count { get; protected set; }

    protected int MaxRows { get; }

    /// <summary>Adds a value (checked against the column's kind and nullability); returns an estimate of the memory it holds.</summary>
    public int Add(object? value)
    {
        if (value is null && !Column.Nullable)
        {
            throw new ArgumentException("NULL in a column declared NOT NULL");
        }

        return AddValue(value);
    }

    public abstract Task WriteAsync(ParquetRowGroupWriter rowGroup, CancellationToken cancellationToken);

    /// <summary>Forgets the buffered values (keeping the buffers for the next row group).</summary>
    public abstract void Clear();

    protected abstract int AddValue(object? value);

    protected int GrowTo(int length) => Math.Min(MaxRows, Math.Max(InitialCapacity, length * 2));

    public static ColumnBuffer Create(ManifestColumn column, int maxRows)
    {
        ArgumentNullException.ThrowIfNull(column);
        return column.Kind switch
        {
            ColumnKind.Boolean => new ValueColumnBuffer<bool>(column, maxRows, CanonicalValues.ToBoolean, 1),
            ColumnKind.Int16 => new ValueColumnBuffer<short>(column, maxRows, CanonicalValues.ToInt16, 2),
            ColumnKind.Int32 => new ValueColumnBuffer<int>(column, maxRows, CanonicalValues.ToInt32, 4),
            ColumnKind.Int64 => new ValueColumnBuffer<long>(column, maxRows, CanonicalValues.ToInt64, 8),
            ColumnKind.Float32 => new ValueColumnBuffer<float>(column, maxRows, CanonicalValues.ToFloat32, 4),
            ColumnKind.Float64 => new ValueColumnBuffer<double>(column, maxRows, CanonicalValues.ToFloat64, 8),
            ColumnKind.Date => new ValueColumnBuffer<DateOnly>(column, maxRows, CanonicalValues.ToDate, 4),
            ColumnKind.Time => new ValueColumnBuffer<long>(column, maxRows, CanonicalValues.ToTimeMicros, 8),
            ColumnKind.Timestamp => new ValueColumnBuffer<DateTime>(column, maxRows, CanonicalValues.ToTimestamp, 8),
            ColumnKind.TimestampTz => new ValueColumnBuffer<DateTime>(column, maxRows, CanonicalValues.ToTimestampTz, 8),
            ColumnKind.Uuid => new ValueColumnBuffer<Guid>(column, maxRows, CanonicalValues.ToUuid, 16),
            ColumnKind.Decimal or ColumnKind.Text or ColumnKind.Json or ColumnKind.DialectText => new StringColumnBuffer(column, maxRows),
            ColumnKind.Binary => new BinaryColumnBuffer(column, maxRows),
            _ => throw new ArgumentOutOfRangeException(nameof(column), column.Kind, "unknown column kind"),
        };
    }
}
