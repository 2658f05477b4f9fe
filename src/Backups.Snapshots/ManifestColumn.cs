using Backups.Domain.Schema;

namespace Backups.Snapshots;

/// <summary>A column as recorded in the manifest; <see cref="Kind"/> decides the Parquet type and the canonical CLR type.</summary>
public sealed record ManifestColumn(
    string Name,
    string SourceType,
    ColumnKind Kind,
    bool Nullable,
    int? Precision = null,
    int? Scale = null,
    int? MaxLength = null)
{
    public static ManifestColumn From(ColumnSchema column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return new(column.Name, column.SourceType, column.Kind, column.IsNullable, column.Precision, column.Scale, column.MaxLength);
    }

    public ColumnSchema ToColumnSchema() => new(Name, SourceType, Kind, Nullable, Precision, Scale, MaxLength);
}
