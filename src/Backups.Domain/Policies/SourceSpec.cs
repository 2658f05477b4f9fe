namespace Backups.Domain.Policies;

/// <summary>The database a policy snapshots and which of its tables.</summary>
/// <param name="Kind">The engine.</param>
/// <param name="Connection">
/// Connection string (for SQLite also a plain file path, relative to the current directory).
/// Holds <c>${VAR}</c> references as written unless the policy was loaded with an environment to resolve them.
/// </param>
/// <param name="Schema">The schema to read (Oracle: the owner, e.g. <c>VACOLS</c>), or null for the connection's default.</param>
/// <param name="Tables">Include patterns matched against table names; <c>*</c> matches any run of characters (every other character stands for itself); case-insensitive.</param>
/// <param name="Exclude">Exclude patterns, same syntax; an excluded table is never read even if an include pattern matches it.</param>
public sealed record SourceSpec(
    SourceKind Kind,
    string Connection,
    string? Schema,
    IReadOnlyList<string> Tables,
    IReadOnlyList<string> Exclude)
{
    /// <summary>The include list when a policy names none: every table.</summary>
    public static IReadOnlyList<string> AllTables { get; } = ["*"];

    /// <summary>Whether the policy snapshots the table named <paramref name="table"/>.</summary>
    public bool Selects(string table) =>
        Tables.Any(p => Matches(p, table)) && !Exclude.Any(p => Matches(p, table));

    /// <summary>Whether <paramref name="name"/> matches the wildcard <paramref name="pattern"/> (case-insensitive).</summary>
    public static bool Matches(string pattern, string name)
    {
        // Iterative wildcard match with backtracking to the last '*'.
        int p = 0, n = 0, star = -1, mark = 0;
        while (n < name.Length)
        {
            if (p < pattern.Length && pattern[p] != '*' && char.ToUpperInvariant(pattern[p]) == char.ToUpperInvariant(name[n]))
            {
                p++;
                n++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                mark = n;
            }
            else if (star >= 0)
            {
                p = star + 1;
                n = ++mark;
            }
            else
            {
                return false;
            }
        }
        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }
        return p == pattern.Length;
    }
}
