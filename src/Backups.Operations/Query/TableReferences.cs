using System.Text.RegularExpressions;
using Backups.Snapshots;

namespace Backups.Operations.Query;

/// <summary>
/// Which snapshot tables a query may read: those whose name appears in the SQL as a word or a quoted identifier
/// (case-insensitive, as DuckDB resolves names). Over-inclusion (a name inside a string literal) only costs a download.
/// </summary>
internal static partial class TableReferences
{
    public static IReadOnlyList<ManifestTable> In(string sql, Manifest manifest)
    {
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match match in Identifier().Matches(sql))
        {
            words.Add(match.Groups["quoted"].Success ? match.Groups["quoted"].Value.Replace("\"\"", "\"", StringComparison.Ordinal) : match.Groups["word"].Value);
        }

        return [.. manifest.Tables.Where(t => words.Contains(t.Name))];
    }

    [GeneratedRegex("\"(?<quoted>(?:[^\"]|\"\")+)\"|(?<word>[\\p{L}_][\\p{L}\\p{N}_$]*)")]
    private static partial Regex Identifier();
}
