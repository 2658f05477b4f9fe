using System.Globalization;
using System.Runtime.CompilerServices;
using Backups.Domain.Schema;
using Backups.Snapshots;

namespace Backups.Operations.Restore;

/// <summary>
/// Passes a table's rows through and, at the end of the stream (still inside the load's transaction), fails when
/// their number differs from the manifest's: a short or long table is rolled back, never committed.
/// </summary>
internal static class RowCountGuard
{
    public static async IAsyncEnumerable<object?[]> CheckAsync(
        IAsyncEnumerable<object?[]> rows, ManifestTable table, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long count = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            count++;
            yield return row;
        }

        Check(count, table);
    }

    /// <summary>The same for column batches.</summary>
    public static async IAsyncEnumerable<IColumnarBatch> CheckAsync(
        IAsyncEnumerable<IColumnarBatch> batches, ManifestTable table, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long count = 0;
        await foreach (var batch in batches.WithCancellation(cancellationToken))
        {
            count += batch.RowCount;
            yield return batch;
        }

        Check(count, table);
    }

    private static void Check(long count, ManifestTable table)
    {
        if (count != table.RowCount)
        {
            throw new RowCountMismatchException(
                $"table {table.QualifiedName}: the snapshot's files hold {count.ToString(CultureInfo.InvariantCulture)} rows but the manifest records "
                + $"{table.RowCount.ToString(CultureInfo.InvariantCulture)}; the load was rolled back");
        }
    }
}
