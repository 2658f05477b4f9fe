using Backups.Domain.Schema;
using Parquet;
using Parquet.Schema;

namespace Backups.Snapshots.Reading;

/// <summary>Reads one column of a row group back into canonical CLR values (see <see cref="ColumnKind"/>).</summary>
internal abstract class ColumnDecoder(DataField field)
{
    private static readonly object True = true;
    private static readonly object False = false;

    protected DataField Field { get; } = field;

    /// <summary>Reads <paramref name="count"/> values into <paramref name="target"/>[0..count).</summary>
    public abstract ValueTask ReadAsync(ParquetRowGroupReader rowGroup, object?[] target, int count, CancellationToken cancellationToken);

    public static ColumnDecoder Create(ManifestColumn column, DataField field)
    {
        ArgumentNullException.ThrowIfNull(column);
        return column.Kind switch
        {
            ColumnKind.Boolean => new ValueColumnDecoder<bool>(field, v => v ? True : False),
            ColumnKind.Int16 => new ValueColumnDecoder<short>(field, v => v),
            ColumnKind.Int32 => new ValueColumnDecoder<int>(field, v => v),
            ColumnKind.Int64 => new ValueColumnDecoder<long>(field, v => v),
            ColumnKind.Float32 => new ValueColumnDecoder<float>(field, v => v),
            ColumnKind.Float64 => new ValueColumnDecoder<double>(field, v => v),
            ColumnKind.Date => new ValueColumnDecoder<DateOnly>(field, v => v),
            ColumnKind.Time => new ValueColumnDecoder<long>(field, v => new TimeOnly(v * TimeSpan.TicksPerMicrosecond)),
            ColumnKind.Timestamp => new ValueColumnDecoder<DateTime>(field, v => DateTime.SpecifyKind(v, DateTimeKind.Unspecified)),
            ColumnKind.TimestampTz => new ValueColumnDecoder<DateTime>(field, v => DateTime.SpecifyKind(v, DateTimeKind.Utc)),
            ColumnKind.Uuid => new ValueColumnDecoder<Guid>(field, v => v),
            ColumnKind.Decimal or ColumnKind.Text or ColumnKind.Json or ColumnKind.DialectText => new StringColumnDecoder(field),
            ColumnKind.Binary => new BinaryColumnDecoder(field),
            _ => throw new ArgumentOutOfRangeException(nameof(column), column.Kind, "unknown column kind"),
        };
    }
}
