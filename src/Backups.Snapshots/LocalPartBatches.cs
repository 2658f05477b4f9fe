using System.Runtime.CompilerServices;
using Backups.Domain.Schema;
using Backups.Snapshots.Columnar;

namespace Backups.Snapshots;

/// <summary>
/// Reads a table's parts, already downloaded and checked (see <see cref="SnapshotVerifier"/>), as column batches
/// (one per row group): the bulk path of a restore, with no object per row or value. Only parts written by this
/// tool's own encoder can be read so (<see cref="CanRead"/>); others are read row by row with <see cref="SnapshotReader"/>.
/// </summary>
public static class LocalPartBatches
{
    /// <summary>Whether every part of the table (at <paramref name="pathOf"/> its key) can be read in batches.</summary>
    public static bool CanRead(ManifestTable table, Func<string, string> pathOf)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(pathOf);
        foreach (var part in table.Parts)
        {
            using var decoder = PartDecoder.TryOpen(pathOf(part.Key), table.Columns);
            if (decoder is null)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The table's rows, one batch per row group, in stored order. A batch is valid until the next one is asked for.
    /// A part that does not decode as the manifest describes it throws <see cref="SnapshotCorruptException"/>.
    /// </summary>
    public static async IAsyncEnumerable<IColumnarBatch> ReadAsync(
        ManifestTable table, Func<string, string> pathOf, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(pathOf);
        foreach (var part in table.Parts)
        {
            using var decoder = PartDecoder.TryOpen(pathOf(part.Key), table.Columns)
                ?? throw new SnapshotCorruptException(part.Key, "a part written by this tool's encoder", "a Parquet file written otherwise");
            long rows = 0;
            for (var g = 0; g < decoder.RowGroupCount; g++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    decoder.Decode(g);
                }
                catch (InvalidDataException error)
                {
                    throw new SnapshotCorruptException(part.Key, "a Parquet file as the manifest describes it", error.Message);
                }

                rows += decoder.Batch.RowCount;
                yield return decoder.Batch;
                await Task.Yield();
            }

            if (rows != part.RowCount)
            {
                throw new SnapshotCorruptException(part.Key, $"{part.RowCount} rows", $"{rows} rows");
            }
        }
    }
}
