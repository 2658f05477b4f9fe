using System.Globalization;
using System.Runtime.CompilerServices;
using Backups.Snapshots.Format;
using Parquet;

namespace Backups.Snapshots.Reading;

/// <summary>A downloaded Parquet part checked against its manifest entry, then read back as canonical rows.</summary>
internal static class ParquetPart
{
    /// <summary>What is wrong with the file's footer (row count, columns) given the manifest, or an empty list.</summary>
    public static async Task<IReadOnlyList<string>> InspectAsync(string path, ManifestTable table, ManifestPart part, CancellationToken cancellationToken)
    {
        try
        {
            var reader = await ParquetReader.CreateAsync(path, ParquetColumns.ReadOptions(), cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                return Problems(reader, table, part);
            }
        }
        catch (Exception error) when (error is not (OperationCanceledException or OutOfMemoryException))
        {
            return [$"not a readable Parquet file ({error.GetType().Name}: {error.Message})"];
        }
    }

    public static async IAsyncEnumerable<object?[]> ReadRowsAsync(
        string path, ManifestTable table, ManifestPart part, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reader = await ParquetReader.CreateAsync(path, ParquetColumns.ReadOptions(), cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            var problems = Problems(reader, table, part);
            if (problems.Count > 0)
            {
                throw new SnapshotCorruptException(part.Key, "a Parquet file as the manifest describes it", string.Join("; ", problems));
            }

            var fields = reader.Schema.DataFields;
            var decoders = table.Columns.Select((c, i) => ColumnDecoder.Create(c, fields[i])).ToArray();
            var columns = new object?[decoders.Length][];
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                var rowGroup = reader.OpenRowGroupReader(g);
                var count = checked((int)rowGroup.RowCount);
                for (var c = 0; c < decoders.Length; c++)
                {
                    if (columns[c] is null || columns[c].Length < count)
                    {
                        columns[c] = new object?[count];
                    }

                    await decoders[c].ReadAsync(rowGroup, columns[c], count, cancellationToken).ConfigureAwait(false);
                }

                for (var r = 0; r < count; r++)
                {
                    var row = new object?[decoders.Length];
                    for (var c = 0; c < decoders.Length; c++)
                    {
                        row[c] = columns[c][r];
                        columns[c][r] = null;
                    }

                    yield return row;
                }
            }
        }
    }

    private static List<string> Problems(ParquetReader reader, ManifestTable table, ManifestPart part)
    {
        var problems = new List<string>();
        var rows = reader.Metadata?.NumRows ?? -1;
        var rowGroupRows = reader.RowGroups.Sum(g => g.RowCount);
        if (rows != part.RowCount || rowGroupRows != part.RowCount)
        {
            problems.Add($"{part.RowCount.ToString(CultureInfo.InvariantCulture)} rows recorded in the manifest, the file holds {rows.ToString(CultureInfo.InvariantCulture)} (row groups: {rowGroupRows.ToString(CultureInfo.InvariantCulture)})");
        }

        var mismatch = ParquetColumns.SchemaMismatch(reader.Schema, table.Columns);
        if (mismatch is not null)
        {
            problems.Add($"columns differ from the manifest: {mismatch}");
        }

        return problems;
    }
}
