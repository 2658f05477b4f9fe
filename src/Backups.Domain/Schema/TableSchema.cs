namespace Backups.Domain.Schema;

/// <summary>A table as captured from the source: columns in ordinal order, primary key and unique constraints.</summary>
/// <param name="Schema">The schema (namespace) the table lives in, or null where the dialect has none (SQLite).</param>
/// <param name="Name">The table name exactly as the source spells it.</param>
/// <param name="PrimaryKey">Primary key column names in key order; empty when the table has none.</param>
/// <param name="UniqueConstraints">Each unique constraint as its column names in order.</param>
public sealed record TableSchema(
    string? Schema,
    string Name,
    IReadOnlyList<ColumnSchema> Columns,
    IReadOnlyList<string> PrimaryKey,
    IReadOnlyList<IReadOnlyList<string>> UniqueConstraints)
{
    /// <summary>Schema-qualified name for messages and object keys, e.g. <c>vacols.brieff</c>.</summary>
    public string QualifiedName => Schema is null ? Name : $"{Schema}.{Name}";
}
