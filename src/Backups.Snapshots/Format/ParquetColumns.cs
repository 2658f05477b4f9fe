using Backups.Domain.Schema;
using Parquet;
using Parquet.Schema;

namespace Backups.Snapshots.Format;

/// <summary>
/// How each <see cref="ColumnKind"/> is stored in Parquet (the table in docs/format.md), and the checks that a
/// file's schema is the one the manifest describes.
/// </summary>
internal static class ParquetColumns
{
    public const string SnapshotMetadataKey = "backups.snapshot";
    public const string TableMetadataKey = "backups.table";
    public const string KindsMetadataKey = "backups.columnKinds";

    /// <summary>
    /// The zstd level of written pages: zstd's own default, which measured several times faster than the high levels
    /// for files a little larger.
    /// </summary>
    public const int ZstdLevel = 3;

    public static ParquetOptions ReadOptions() => new()
    {
        UseDateOnlyTypeForDates = true,
        TreatByteArrayAsString = false,
    };

    public static DataField FieldFor(ManifestColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        var name = column.Name;
        var nullable = column.Nullable;
        return column.Kind switch
        {
            ColumnKind.Boolean => new DataField<bool>(name, nullable),
            ColumnKind.Int16 => new DataField<short>(name, nullable),
            ColumnKind.Int32 => new DataField<int>(name, nullable),
            ColumnKind.Int64 => new DataField<long>(name, nullable),
            ColumnKind.Float32 => new DataField<float>(name, nullable),
            ColumnKind.Float64 => new DataField<double>(name, nullable),
            ColumnKind.Decimal or ColumnKind.Text or ColumnKind.Json or ColumnKind.DialectText => new DataField<string>(name, nullable),
            ColumnKind.Binary => new DataField<byte[]>(name, nullable),
            ColumnKind.Date => new DataField<DateOnly>(name, nullable),
            ColumnKind.Time => new TimeDataField(name, TimeUnitPrecision.Micros, nullable) { IsAdjustedToUtc = false },
            ColumnKind.Timestamp => new DateTimeDataField(name, DateTimeFormat.Timestamp, isAdjustedToUTC: false, DateTimeTimeUnit.Micros, nullable),
            ColumnKind.TimestampTz => new DateTimeDataField(name, DateTimeFormat.Timestamp, isAdjustedToUTC: true, DateTimeTimeUnit.Micros, nullable),
            ColumnKind.Uuid => new DataField<Guid>(name, nullable),
            _ => throw new ArgumentOutOfRangeException(nameof(column), column.Kind, "unknown column kind"),
        };
    }

    /// <summary>Null when the file's columns are exactly those the manifest describes; otherwise what differs.</summary>
    public static string? SchemaMismatch(ParquetSchema actual, IReadOnlyList<ManifestColumn> columns)
    {
        var fields = actual.DataFields;
        if (fields.Length != columns.Count)
        {
            return $"{columns.Count} columns, found {fields.Length}";
        }

        for (var i = 0; i < fields.Length; i++)
        {
            var problem = FieldMismatch(fields[i], FieldFor(columns[i]));
            if (problem is not null)
            {
                return $"column {i + 1} '{columns[i].Name}' of kind {columns[i].Kind}: {problem}";
            }
        }

        return null;
    }

    private static string? FieldMismatch(DataField actual, DataField expected)
    {
        if (!string.Equals(actual.Name, expected.Name, StringComparison.Ordinal))
        {
            return $"the file names it '{actual.Name}'";
        }

        if (actual.IsNullable != expected.IsNullable || actual.IsArray)
        {
            return $"the file has it {(actual.IsNullable ? "optional" : "required")}{(actual.IsArray ? " and repeated" : string.Empty)}";
        }

        if (actual.ClrType != expected.ClrType)
        {
            return $"the file stores {actual.ClrType.Name} values, expected {expected.ClrType.Name}";
        }

        return (expected, actual) switch
        {
            (DateTimeDataField e, DateTimeDataField a) when a.IsAdjustedToUTC == e.IsAdjustedToUTC && a.Unit == e.Unit => null,
            (DateTimeDataField e, _) => $"expected a microsecond timestamp with isAdjustedToUTC={e.IsAdjustedToUTC.ToString().ToLowerInvariant()}",
            (TimeDataField, TimeDataField a) when a.Precision == TimeUnitPrecision.Micros => null,
            (TimeDataField, _) => "expected a microsecond TIME",
            (_, DateTimeDataField or TimeDataField) => "the file annotates it as a time type",
            _ => null,
        };
    }
}
