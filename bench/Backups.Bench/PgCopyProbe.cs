using System.Diagnostics;
using Backups.Sources.Postgres;
using Npgsql;

namespace Backups.Bench;

/// <summary>
/// The PostgreSQL floor under a snapshot: the same tables drained as raw COPY output, nothing decoded. Once as
/// pg_dump asks for them (text COPY of the table, physical order) and once with the very query the source runs
/// (binary COPY, projections and ORDER BY primary key), one table after the other on one connection.
/// </summary>
internal static class PgCopyProbe
{
    public static async Task<IReadOnlyList<StageResult>> RunAsync(string connectionString, string schema, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await PgSessionSql.ExecuteAsync(connection, PgSessionSql.SessionSettings + PgSessionSql.Begin, ct);
        var listed = await PgCatalog.ListTablesAsync(connection, schema, ct);
        var tables = await PgCatalog.DescribeAsync(connection, schema, listed, ct);
        var rows = tables.Sum(t => t.EstimatedRows ?? 0);

        var results = new List<StageResult>();
        results.Add(await DrainAsync(
            connection, "raw COPY text, as pg_dump (1 conn)", rows,
            tables.Select(t => $"COPY {PgSql.Qualified(schema, t.Schema.Name)} TO STDOUT"), binary: false, ct));
        results.Add(await DrainAsync(
            connection, "raw COPY binary, source query", rows,
            tables.Select(t => $"COPY ({PgTableQuery.Build(t)}) TO STDOUT (FORMAT binary)"), binary: true, ct));
        await PgSessionSql.ExecuteAsync(connection, "COMMIT", ct);
        return results;
    }

    private static async Task<StageResult> DrainAsync(
        NpgsqlConnection connection, string stage, long rows, IEnumerable<string> statements, bool binary, CancellationToken ct)
    {
        var before = CpuSample.Take();
        var clock = Stopwatch.StartNew();
        long bytes = 0;
        var buffer = new byte[1 << 16];
        var chars = new char[1 << 15];
        foreach (var statement in statements)
        {
            if (binary)
            {
                await using var stream = await connection.BeginRawBinaryCopyAsync(statement, ct);
                int read;
                while ((read = await stream.ReadAsync(buffer, ct)) > 0)
                {
                    bytes += read;
                }
            }
            else
            {
                using var reader = await connection.BeginTextExportAsync(statement, ct);
                int read;
                while ((read = await reader.ReadAsync(chars, ct)) > 0)
                {
                    bytes += read;
                }
            }
        }

        return new StageResult(stage, clock.Elapsed.TotalSeconds, rows, bytes, CpuSample.Take() - before);
    }
}
