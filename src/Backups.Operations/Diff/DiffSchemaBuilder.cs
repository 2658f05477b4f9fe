using Backups.Domain.Schema;

namespace Backups.Operations.Diff;

/// <summary>Lines up the two sides' columns by exact name and checks the key and <c>--columns</c> against them.</summary>
internal static class DiffSchemaBuilder
{
    public static DiffSchema Build(TableSchema old, TableSchema @new, IReadOnlyList<string>? key, IReadOnlyList<string>? columns)
    {
        var oldIndex = old.Columns.Select((c, i) => (c, i)).ToDictionary(p => p.c.Name, p => p.i, StringComparer.Ordinal);
        var newNames = @new.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var keyNames = key is { Count: > 0 } ? key : old.PrimaryKey;
        if (keyNames.Count == 0)
        {
            throw new OperationInputException(
                $"table {old.QualifiedName} has no primary key in the snapshot: give --key COLUMNS that identify a row (columns: {string.Join(", ", old.Columns.Select(c => c.Name))})");
        }

        var missingKey = keyNames.Where(k => !oldIndex.ContainsKey(k) || !newNames.Contains(k)).ToList();
        if (missingKey.Count > 0)
        {
            throw new OperationInputException(
                $"--key: {string.Join(", ", missingKey.Select(k => $"column {k} is {Where(oldIndex.ContainsKey(k), newNames.Contains(k))}"))}; columns of {old.QualifiedName}: {string.Join(", ", old.Columns.Select(c => c.Name))}");
        }

        var kindChanged = new List<string>();
        var shared = new List<DiffColumn>();
        for (var n = 0; n < @new.Columns.Count; n++)
        {
            var column = @new.Columns[n];
            if (!oldIndex.TryGetValue(column.Name, out var o))
            {
                continue;
            }

            var before = old.Columns[o];
            if (before.Kind != column.Kind)
            {
                // Same declared type, other kind: SQLite columns without a type, whose kind the values decide.
                kindChanged.Add(before.SourceType == column.SourceType
                    ? $"{column.Name} ({KindName(before.Kind)} then {KindName(column.Kind)} values, declared '{column.SourceType}')"
                    : $"{column.Name} ({before.SourceType} then {column.SourceType})");
                continue;
            }

            var isKey = keyNames.Contains(column.Name, StringComparer.Ordinal);
            shared.Add(new DiffColumn(column.Name, column.Kind, before.SourceType, column.SourceType, o, n, isKey, !isKey));
        }

        var badKey = keyNames.Where(k => shared.All(c => c.Name != k)).ToList();
        if (badKey.Count > 0)
        {
            throw new OperationInputException($"--key: the type of {string.Join(", ", badKey)} differs between the two sides, so rows cannot be matched on it");
        }

        if (columns is { Count: > 0 })
        {
            var unknown = columns.Where(c => shared.All(s => s.Name != c)).ToList();
            if (unknown.Count > 0)
            {
                throw new OperationInputException(
                    $"--columns: {string.Join(", ", unknown)} {(unknown.Count == 1 ? "is" : "are")} not a column both sides share with the same type; shared columns: {string.Join(", ", shared.Select(s => s.Name))}");
            }

            shared = [.. shared.Select(s => s with { Compared = !s.IsKey && columns.Contains(s.Name, StringComparer.Ordinal) })];
        }

        var keyColumns = keyNames.Select(k => shared.Single(s => s.Name == k)).ToList();
        return new DiffSchema(
            shared,
            keyColumns,
            [.. old.Columns.Select(c => c.Name).Where(c => !newNames.Contains(c))],
            [.. @new.Columns.Select(c => c.Name).Where(c => !oldIndex.ContainsKey(c))],
            kindChanged);
    }

    private static string Where(bool old, bool @new) => (old, @new) switch
    {
        (false, false) => "in neither side",
        (true, false) => "missing on the new side",
        _ => "missing in the snapshot",
    };

    private static string KindName(ColumnKind kind) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());
}
