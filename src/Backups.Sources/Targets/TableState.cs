namespace Backups.Sources.Targets;

/// <summary>What a target holds under a table name.</summary>
/// <param name="Schema">The schema looked in (PostgreSQL), or null (SQLite).</param>
/// <param name="Name">The table name looked for.</param>
/// <param name="Exists">Whether there is such a table.</param>
/// <param name="Columns">Its columns in ordinal order; empty when it does not exist.</param>
public sealed record TableState(string? Schema, string Name, bool Exists, IReadOnlyList<TargetColumn> Columns)
{
    /// <summary>Schema-qualified name for messages, e.g. <c>vacols.brieff</c>.</summary>
    public string QualifiedName => Schema is null ? Name : $"{Schema}.{Name}";
}
