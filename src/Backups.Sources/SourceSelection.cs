namespace Backups.Sources;

/// <summary>Which tables a snapshot covers.</summary>
/// <param name="Schema">PostgreSQL schema (default <c>public</c>); must be null or <c>main</c> for SQLite.</param>
/// <param name="Include">
/// Table name patterns, <c>*</c> matching any run of characters, case-insensitive. Empty means every table.
/// Each pattern must match at least one table.
/// </param>
/// <param name="Exclude">Patterns of tables to leave out, applied after <paramref name="Include"/>; may match nothing.</param>
public sealed record SourceSelection(string? Schema, IReadOnlyList<string> Include, IReadOnlyList<string> Exclude)
{
    /// <summary>Every table of the default schema.</summary>
    public static SourceSelection All { get; } = new(null, [], []);
}
