using System.Globalization;

namespace Backups.Snapshots.Reading;

/// <summary>Checks a parsed manifest against itself: totals, row counts, part keys and digests.</summary>
internal static class ManifestConsistency
{
    public static IEnumerable<string> Problems(Manifest manifest)
    {
        var prefix = SnapshotKeys.SnapshotPrefix(manifest.Id) + "tables/";
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var tables = new HashSet<(string?, string)>();
        foreach (var table in manifest.Tables)
        {
            if (!tables.Add((table.Schema, table.Name)))
            {
                yield return $"table {table.QualifiedName} is listed twice";
            }

            if (table.Columns.Count == 0)
            {
                yield return $"table {table.QualifiedName} has no columns";
            }

            if (table.Parts.Count == 0)
            {
                yield return $"table {table.QualifiedName} has no parts";
            }

            var partRows = table.Parts.Sum(p => p.RowCount);
            if (partRows != table.RowCount)
            {
                yield return $"table {table.QualifiedName} records {N(table.RowCount)} rows but its parts add up to {N(partRows)}";
            }

            foreach (var part in table.Parts)
            {
                if (!part.Key.StartsWith(prefix, StringComparison.Ordinal) || !part.Key.EndsWith(".parquet", StringComparison.Ordinal))
                {
                    yield return $"part '{part.Key}' of table {table.QualifiedName} is not a Parquet file under {prefix}";
                }

                if (!keys.Add(part.Key))
                {
                    yield return $"part '{part.Key}' is listed twice";
                }

                if (part.Size < 0 || part.RowCount < 0)
                {
                    yield return $"part '{part.Key}' has a negative size or row count";
                }

                if (part.Sha256.Length != 64 || !part.Sha256.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
                {
                    yield return $"part '{part.Key}' has a malformed SHA-256 '{part.Sha256}'";
                }
            }
        }

        var totals = ManifestTotals.Of(manifest.Tables);
        if (totals != manifest.Totals)
        {
            yield return $"totals record {manifest.Totals} but the tables add up to {totals}";
        }
    }

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}
