namespace Backups.Sources.Selection;

/// <summary>Applies a <see cref="SourceSelection"/>'s include and exclude patterns to the table names that exist.</summary>
internal static class TableSelector
{
    /// <summary>The selected names, ordered ordinally.</summary>
    /// <exception cref="TableSelectionException">An include pattern matches nothing.</exception>
    public static IReadOnlyList<string> Select(SourceSelection selection, IReadOnlyCollection<string> available, string where)
    {
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(available);
        var includes = selection.Include.Select(p => new WildcardPattern(p)).ToList();
        var excludes = selection.Exclude.Select(p => new WildcardPattern(p)).ToList();
        var sorted = available.Order(StringComparer.Ordinal).ToList();

        var unmatched = includes.Where(p => !sorted.Any(p.Matches)).Select(p => p.Text).ToList();
        if (unmatched.Count > 0)
        {
            var existing = sorted.Count == 0 ? "none" : string.Join(", ", sorted);
            var plural = unmatched.Count == 1 ? "pattern matches" : "patterns match";
            throw new TableSelectionException(
                $"Include {plural} no table in {where}: {string.Join(", ", unmatched)}. Tables there: {existing}.",
                unmatched,
                sorted);
        }

        return sorted
            .Where(name => includes.Count == 0 || includes.Any(p => p.Matches(name)))
            .Where(name => !excludes.Any(p => p.Matches(name)))
            .ToList();
    }
}
