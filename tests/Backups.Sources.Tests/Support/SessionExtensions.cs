using Backups.Domain.Schema;

namespace Backups.Sources.Tests.Support;

internal static class SessionExtensions
{
    public static TableSchema Table(this ISourceSession session, string name) =>
        session.Tables.Single(t => t.Name == name);

    public static async Task<List<object?[]>> ReadAllAsync(this ISourceSession session, string table, CancellationToken ct = default)
    {
        var rows = new List<object?[]>();
        await foreach (var row in session.ReadRowsAsync(session.Table(table), ct))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Reads a table (or a slice of it) through the batch reader, in batches of <paramref name="batchRows"/> rows.</summary>
    public static async Task<List<object?[]>> ReadBatchesAsync(this ISourceSession session, string table, TableSlice? slice = null, int batchRows = 1000, CancellationToken ct = default)
    {
        var schema = session.Table(table);
        var batch = new RecordingBatch(schema, batchRows);
        await using var reader = ((IBatchSourceSession)session).OpenTableReader(schema, slice);
        while (true)
        {
            batch.Reset();
            if (await reader.ReadAsync(batch, ct) == 0)
            {
                return batch.Rows;
            }
        }
    }
}
