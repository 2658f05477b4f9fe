using Backups.Domain.Schema;

namespace Backups.Sources.Targets;

/// <summary>Compares a snapshot table with an existing target table; the dialect supplies the type rules.</summary>
/// <param name="TargetKind">The target dialect, for messages.</param>
/// <param name="SourceKind">The snapshot's dialect, for messages.</param>
/// <param name="TargetType">The type a snapshot column needs in the target, or null when it cannot be restored there.</param>
/// <param name="SameType">Whether two type texts of the target dialect denote the same type.</param>
internal sealed record TableCompatibility(
    string TargetKind,
    string SourceKind,
    Func<ColumnSchema, string?> TargetType,
    Func<string, string, bool> SameType)
{
    public bool SameDialect => TargetKind == SourceKind;

    /// <summary>Problems with columns that cannot exist in the target at all (dialect-specific types of another dialect).</summary>
    public IEnumerable<string> Unrestorable(TableSchema wanted, string qualifiedName) =>
        wanted.Columns.Where(c => TargetType(c) is null).Select(c =>
            $"table {qualifiedName}: column {c.Name} has the {SourceKind}-specific type {c.SourceType}, which cannot be restored into {TargetKind}");

    /// <summary>
    /// The problems; a key column counts as NOT NULL whatever the snapshot says (SQLite reports an
    /// INTEGER PRIMARY KEY as nullable, other dialects make every key column NOT NULL).
    /// </summary>
    public IReadOnlyList<string> Check(TableSchema wanted, TableState existing)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        ArgumentNullException.ThrowIfNull(existing);
        var table = existing.QualifiedName;
        var problems = new List<string>();
        if (!existing.Exists)
        {
            problems.Add($"table {table} does not exist in the target");
            return problems;
        }

        problems.AddRange(Unrestorable(wanted, table));
        var byName = existing.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        foreach (var column in wanted.Columns)
        {
            var expected = TargetType(column);
            if (!byName.TryGetValue(column.Name, out var actual))
            {
                var nearly = existing.Columns.FirstOrDefault(c => string.Equals(c.Name, column.Name, StringComparison.OrdinalIgnoreCase));
                problems.Add($"table {table}: column {column.Name} ({column.SourceType} in the snapshot) is missing in the target"
                    + (nearly is null ? "" : $" (it has {nearly.Name}; names must match exactly)"));
                continue;
            }

            if (expected is not null && !SameType(expected, actual.Type))
            {
                var mapped = SameDialect ? "" : $" (so {expected} in {TargetKind})";
                problems.Add($"table {table}: column {column.Name} is {column.SourceType} in the snapshot{mapped} but {actual.Type} in the target");
            }

            if (actual.IsGenerated)
            {
                problems.Add($"table {table}: column {column.Name} is generated in the target, so the snapshot's values cannot be written to it");
            }
            else if (column.IsNullable && !actual.IsNullable && !wanted.PrimaryKey.Contains(column.Name, StringComparer.Ordinal))
            {
                problems.Add($"table {table}: column {column.Name} allows NULL in the snapshot but is NOT NULL in the target");
            }
        }

        var wantedNames = wanted.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var extra in existing.Columns.Where(c => !wantedNames.Contains(c.Name)))
        {
            if (!extra.IsNullable && !extra.HasDefault && !extra.IsGenerated)
            {
                problems.Add($"table {table}: column {extra.Name} ({extra.Type}) exists only in the target and is NOT NULL without a default, "
                    + "so the snapshot's rows cannot fill it");
            }
        }

        return problems;
    }
}
