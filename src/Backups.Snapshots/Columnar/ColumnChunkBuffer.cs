using Backups.Domain.Schema;

namespace Backups.Snapshots.Columnar;

/// <summary>
/// The values of one column for one row group, held in their storage form: a dense array of the non-null values
/// (or their bytes) and, for a nullable column, one definition level per row. Sources append through
/// <see cref="IColumnSink"/>; <see cref="ChunkEncoder"/> turns the buffer into Parquet pages. Buffers come from the
/// shared array pools and are kept from one row group to the next; <see cref="Release"/> gives them back.
/// </summary>
internal abstract class ColumnChunkBuffer : IColumnSink
{
    private byte[] _levels = [];

    protected ColumnChunkBuffer(ManifestColumn column)
    {
        Column = column;
        Leaf = ParquetLeaf.For(column);
    }

    public ManifestColumn Column { get; }

    public ParquetLeaf Leaf { get; }

    /// <summary>Rows appended, nulls included.</summary>
    public int RowCount { get; private set; }

    public int NullCount { get; private set; }

    /// <summary>Non-null values appended.</summary>
    public int ValueCount => RowCount - NullCount;

    /// <summary>Definition levels, one per row: 1 for a value, 0 for null. Empty for a column that is not nullable.</summary>
    public ReadOnlySpan<byte> Levels => Column.Nullable ? _levels.AsSpan(0, RowCount) : [];

    /// <summary>About how much memory the buffered values take.</summary>
    public long BufferedBytes => ValueBytes + (Column.Nullable ? RowCount : 0);

    protected abstract long ValueBytes { get; }

    public static ColumnChunkBuffer Create(ManifestColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return column.Kind switch
        {
            ColumnKind.Boolean => new BooleanChunkBuffer(column),
            ColumnKind.Int16 or ColumnKind.Int32 or ColumnKind.Date => new Int32ChunkBuffer(column),
            ColumnKind.Int64 or ColumnKind.Time or ColumnKind.Timestamp or ColumnKind.TimestampTz => new Int64ChunkBuffer(column),
            ColumnKind.Float32 => new Float32ChunkBuffer(column),
            ColumnKind.Float64 => new Float64ChunkBuffer(column),
            ColumnKind.Decimal or ColumnKind.Text or ColumnKind.Json or ColumnKind.DialectText or ColumnKind.Binary => new ByteArrayChunkBuffer(column),
            ColumnKind.Uuid => new UuidChunkBuffer(column),
            _ => throw new ArgumentOutOfRangeException(nameof(column), column.Kind, "unknown column kind"),
        };
    }

    public void AppendNull()
    {
        if (!Column.Nullable)
        {
            throw new ArgumentException($"column '{Column.Name}' is NOT NULL but the source returned NULL");
        }

        Level(0);
        NullCount++;
    }

    public virtual void AppendBoolean(bool value) => throw WrongKind("a boolean");

    public virtual void AppendInt16(short value) => throw WrongKind("a 16-bit integer");

    public virtual void AppendInt32(int value) => throw WrongKind("a 32-bit integer");

    public virtual void AppendInt64(long value) => throw WrongKind("a 64-bit integer");

    public virtual void AppendFloat32(float value) => throw WrongKind("a 32-bit float");

    public virtual void AppendFloat64(double value) => throw WrongKind("a 64-bit float");

    public virtual void AppendUtf8(ReadOnlySpan<byte> value) => throw WrongKind("text");

    public virtual void AppendBytes(ReadOnlySpan<byte> value) => throw WrongKind("bytes");

    public virtual void AppendDate(int daysSinceUnixEpoch) => throw WrongKind("a date");

    public virtual void AppendTime(long microseconds) => throw WrongKind("a time");

    public virtual void AppendTimestamp(long microsecondsSinceUnixEpoch) => throw WrongKind("a timestamp");

    public virtual void AppendUuid(ReadOnlySpan<byte> value) => throw WrongKind("a UUID");

    /// <summary>Writes this row group's values as one column chunk.</summary>
    public abstract ColumnChunkInfo Encode(ChunkEncoder encoder);

    /// <summary>Forgets the values, keeping the buffers for the next row group.</summary>
    public virtual void Clear()
    {
        RowCount = 0;
        NullCount = 0;
    }

    /// <summary>Gives the buffers back to the pools; the buffer is empty and still usable afterwards.</summary>
    public virtual void Release()
    {
        Clear();
        Return(ref _levels);
    }

    /// <summary>Records that the current row has a value; call after storing it.</summary>
    protected void Defined() => Level(1);

    protected static void Grow<T>(ref T[] array, int needed) => PooledArrays.Grow(ref array, needed);

    protected static void Return<T>(ref T[] array) => PooledArrays.Return(ref array);

    protected ArgumentException WrongKind(string what) =>
        new($"column '{Column.Name}' holds {Column.Kind} values; the source handed {what}");

    private void Level(byte level)
    {
        if (Column.Nullable)
        {
            if (RowCount == _levels.Length)
            {
                Grow(ref _levels, RowCount + 1);
            }

            _levels[RowCount] = level;
        }

        RowCount++;
    }
}
