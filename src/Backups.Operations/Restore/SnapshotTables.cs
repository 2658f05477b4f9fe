using Backups.Snapshots;

namespace Backups.Operations.Restore;

/// <summary>
/// Finds tables of a snapshot by the names an operator types: <c>NAME</c> or <c>SCHEMA.NAME</c>, exactly, or
/// ignoring case when that matches one table only. Unknown or ambiguous names are refused listing what exists.
/// </summary>
public static class SnapshotTables
{
    /// <summary>The tables named, in the order given (duplicates once); every table of the snapshot when <paramref name="names"/> is null or empty.</summary>
    public static IReadOnlyList<ManifestTable> Select(Manifest manifest, IReadOnlyList<string>? names)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        if (names is null || names.Count == 0)
        {
            return manifest.Tables;
        }

        var chosen = new List<ManifestTable>();
        var unknown = new List<string>();
        foreach (var name in names)
        {
            var table = TryFind(manifest, name, out var problem);
            if (table is null)
            {
                unknown.Add(problem!);
            }
            else if (!chosen.Contains(table))
            {
                chosen.Add(table);
            }
        }

        if (unknown.Count > 0)
        {
            throw new OperationInputException(
                $"{string.Join("; ", unknown)}. Tables in snapshot {manifest.Id}: {Available(manifest)}");
        }

        return chosen;
    }

    /// <summary>The one table <paramref name="name"/> denotes.</summary>
    public static ManifestTable Find(Manifest manifest, string name)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return TryFind(manifest, name, out var problem)
            ?? throw new OperationInputException($"{problem}. Tables in snapshot {manifest.Id}: {Available(manifest)}");
    }

    /// <summary>The qualified names of every table, comma-separated.</summary>
    public static string Available(Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return string.Join(", ", manifest.Tables.Select(t => t.QualifiedName));
    }

    private static ManifestTable? TryFind(Manifest manifest, string name, out string? problem)
    {
        problem = null;
        var wanted = name.Trim();
        var exact = manifest.Tables.Where(t => Matches(t, wanted, StringComparison.Ordinal)).ToList();
        if (exact.Count == 1)
        {
            return exact[0];
        }

        var loose = exact.Count > 1 ? exact : manifest.Tables.Where(t => Matches(t, wanted, StringComparison.OrdinalIgnoreCase)).ToList();
        if (loose.Count == 1)
        {
            return loose[0];
        }

        problem = loose.Count == 0
            ? $"table '{wanted}' is not in the snapshot"
            : $"table name '{wanted}' is ambiguous (it matches {string.Join(", ", loose.Select(t => t.QualifiedName))}); give SCHEMA.NAME exactly";
        return null;
    }

    private static bool Matches(ManifestTable table, string name, StringComparison comparison) =>
        string.Equals(table.QualifiedName, name, comparison) || string.Equals(table.Name, name, comparison);
}
