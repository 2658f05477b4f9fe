using System.Text.Json.Serialization;
using Backups.Domain.Schema;

namespace Backups.Snapshots;

/// <summary>One table of a snapshot: its schema as captured, its row count and its Parquet parts in order.</summary>
/// <param name="Schema">The schema (namespace), or null where the dialect has none.</param>
/// <param name="Name">The table name exactly as the source spells it.</param>
/// <param name="Columns">Columns in ordinal order; Parquet column i of every part is column i here.</param>
/// <param name="PrimaryKey">Primary key column names in key order; empty when the table has none.</param>
/// <param name="UniqueConstraints">Each unique constraint as its column names.</param>
/// <param name="RowCount">Rows in the table, the sum of the parts' row counts.</param>
/// <param name="Parts">The table's files in row order; at least one (an empty table has one part with no rows).</param>
public sealed record ManifestTable(
    string? Schema,
    string Name,
    IReadOnlyList<ManifestColumn> Columns,
    IReadOnlyList<string> PrimaryKey,
    IReadOnlyList<IReadOnlyList<string>> UniqueConstraints,
    long RowCount,
    IReadOnlyList<ManifestPart> Parts)
{
    /// <summary>Schema-qualified name, e.g. <c>vacols.BRIEFF</c>.</summary>
    [JsonIgnore]
    public string QualifiedName => Schema is null ? Name : $"{Schema}.{Name}";

    /// <summary>The table's schema as the domain describes it.</summary>
    public TableSchema ToTableSchema() =>
        new(Schema, Name, [.. Columns.Select(c => c.ToColumnSchema())], PrimaryKey, UniqueConstraints);
}
