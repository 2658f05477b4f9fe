using System.Globalization;
using Backups.Domain.Schema;
using Npgsql;

namespace Backups.Sources.Postgres;

/// <summary>
/// Splits a large table into slices that parallel readers read at once, inside the same snapshot.
/// A table with a primary key is cut on its leading key column at boundaries taken from a sample of the table
/// (<c>percentile_disc</c> over <c>TABLESAMPLE SYSTEM</c>): each slice is a key range read in key order, so the
/// slices in order are the table in key order. A table without one is cut into ranges of heap pages
/// (<c>ctid</c> ranges, a TID range scan), in physical order like the whole-table read. The last slice has no upper
/// bound and the first no lower bound, so no row can fall outside them, whatever the sample missed.
/// </summary>
internal static class PgTableSlicer
{
    private const int SampleRows = 20_000;

    public static async Task<IReadOnlyList<TableSlice>> SliceAsync(NpgsqlConnection connection, PgTable table, int maxSlices, long sliceBytes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(table);
        var qualified = PgSql.Qualified(table.Schema.Schema!, table.Schema.Name);
        var (bytes, blockSize) = await SizeAsync(connection, table.Oid, ct).ConfigureAwait(false);
        var count = (int)Math.Min(maxSlices, bytes / Math.Max(1, sliceBytes));
        if (count < 2)
        {
            return [];
        }

        var filters = table.Schema.PrimaryKey.Count > 0
            ? await KeyRangesAsync(connection, table, qualified, count, ct).ConfigureAwait(false)
            : PageRanges(bytes / blockSize, count);
        return filters.Count < 2 ? [] : [.. filters.Select((filter, i) => new TableSlice(i, filters.Count, filter))];
    }

    private static async Task<(long Bytes, long BlockSize)> SizeAsync(NpgsqlConnection connection, uint oid, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "SELECT pg_catalog.pg_relation_size($1::oid), pg_catalog.current_setting('block_size')::bigint", connection);
        command.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Oid, oid);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await reader.ReadAsync(ct).ConfigureAwait(false);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private static async Task<IReadOnlyList<string>> KeyRangesAsync(NpgsqlConnection connection, PgTable table, string qualified, int count, CancellationToken ct)
    {
        var lead = "src." + PgSql.Ident(table.Schema.PrimaryKey[0]);
        var rows = Math.Max(1, table.EstimatedRows ?? 1);
        var percent = Math.Clamp(100.0 * SampleRows / rows, 0.01, 100).ToString("0.####", CultureInfo.InvariantCulture);
        var fractions = string.Join(", ", Enumerable.Range(1, count - 1).Select(i => ((double)i / count).ToString("0.####", CultureInfo.InvariantCulture)));
        var sql = $"SELECT b::text FROM unnest((SELECT percentile_disc(ARRAY[{fractions}]::float8[]) WITHIN GROUP (ORDER BY {lead}) "
            + $"FROM ONLY {qualified} AS src TABLESAMPLE SYSTEM ({percent}))) WITH ORDINALITY AS u(b, ordinality) ORDER BY ordinality";
        var bounds = new List<string>();
        await using (var command = new NpgsqlCommand(sql, connection))
        await using (var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                var bound = reader.GetString(0);
                if (bounds.Count == 0 || bounds[^1] != bound)
                {
                    bounds.Add(bound);
                }
            }
        }

        // An untyped literal takes the column's type, so each bound compares in the column's own order and collation.
        var filters = new List<string>();
        for (var i = 0; i <= bounds.Count; i++)
        {
            var lower = i == 0 ? null : $"{lead} >= {PgSql.Literal(bounds[i - 1])}";
            var upper = i == bounds.Count ? null : $"{lead} < {PgSql.Literal(bounds[i])}";
            filters.Add(lower is null ? upper! : upper is null ? lower : $"{lower} AND {upper}");
        }

        return bounds.Count == 0 ? [] : filters;
    }

    private static List<string> PageRanges(long pages, int count)
    {
        var filters = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var start = pages * i / count;
            var end = pages * (i + 1) / count;
            var lower = i == 0 ? null : $"src.ctid >= '({start},0)'::tid";
            var upper = i == count - 1 ? null : $"src.ctid < '({end},0)'::tid";
            filters.Add(lower is null ? upper! : upper is null ? lower : $"{lower} AND {upper}");
        }

        return filters;
    }
}
