using System.Diagnostics;
using System.Globalization;
using Backups.Domain.Schema;
using Backups.Sources.Targets;
using Backups.Sources.Tests.Targets.Support;
using Backups.TestFixtures.Postgres;
using Xunit.Abstractions;

namespace Backups.Sources.Tests.Targets;

/// <summary>
/// Load throughput of 1,000,000 generated rows into PostgreSQL (binary and text COPY) and SQLite; prints
/// rows/s. Run: <c>BACKUPS_TARGETS_BENCH=1 dotnet test --filter TargetLoadBenchmark</c>. The PostgreSQL
/// database is dropped afterwards.
/// </summary>
public sealed class TargetLoadBenchmark(PostgresServer server, ITestOutputHelper output) : IClassFixture<PostgresServer>, IDisposable
{
    private const int Rows = 1_000_000;
    private static readonly DateTime Start = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
    private readonly Backups.Sources.Tests.Support.TemporaryDirectory directory = new();

    private static TableSchema Table(ColumnKind statusKind) => new("bench", "cases",
    [
        new("id", "bigint", ColumnKind.Int64, false),
        new("folder", "integer", ColumnKind.Int32, true),
        new("amount", "numeric(12,2)", ColumnKind.Decimal, true, 12, 2),
        new("title", "text", ColumnKind.Text, true),
        new("status", "character varying(10)", statusKind, true, null, null, 10),
        new("opened", "timestamp without time zone", ColumnKind.Timestamp, true),
        new("active", "boolean", ColumnKind.Boolean, true),
    ], ["id"], []);

    private static object?[] Row(long i) =>
    [
        i,
        (int)(i % 100_000),
        (i % 1_000_000 / 100m).ToString("0.00", CultureInfo.InvariantCulture),
        "Appeal of veteran " + i.ToString(CultureInfo.InvariantCulture),
        (i % 7) switch { 0 => "ADV", 1 => "ACT", 2 => "HIS", _ => "REM" },
        Start.AddSeconds(i * 37),
        i % 3 == 0,
    ];

    [BenchmarkFact]
    public async Task Postgres_binary_and_text_copy_and_sqlite_inserts_of_a_million_rows()
    {
        var connection = await server.CreateDatabaseAsync("backups_targets_bench");
        await using (var target = await TargetFactory.OpenAsync("postgres", connection, "postgres", CancellationToken.None))
        {
            // Warm up both paths (JIT, connection, catalog caches) before measuring.
            foreach (var (kind, schema) in new[] { (ColumnKind.Text, "warm_binary"), (ColumnKind.DialectText, "warm_text") })
            {
                await target.CreateTableAsync(Table(kind), schema, CancellationToken.None);
                await target.LoadAsync(Table(kind), schema, RowStreams.Generate(50_000, Row), null, CancellationToken.None);
            }

            foreach (var (label, kind, schema) in new[] { ("binary COPY", ColumnKind.Text, "binary"), ("text COPY", ColumnKind.DialectText, "text") })
            {
                var table = Table(kind);
                await target.CreateTableAsync(table, schema, CancellationToken.None);
                var watch = Stopwatch.StartNew();
                var loaded = await target.LoadAsync(table, schema, RowStreams.Generate(Rows, Row), null, CancellationToken.None);
                Report($"PostgreSQL {label}", loaded, watch.Elapsed);
            }
        }

        var path = directory.File("bench.db");
        await using (var target = await TargetFactory.OpenAsync("sqlite", path, "postgres", CancellationToken.None))
        {
            var table = Table(ColumnKind.Text);
            await target.CreateTableAsync(table, null, CancellationToken.None);
            var watch = Stopwatch.StartNew();
            var loaded = await target.LoadAsync(table, null, RowStreams.Generate(Rows, Row), null, CancellationToken.None);
            Report("SQLite prepared INSERT", loaded, watch.Elapsed);
        }
    }

    private void Report(string what, long rows, TimeSpan elapsed)
    {
        rows.ShouldBe(Rows);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {rows:N0} rows in {elapsed.TotalSeconds:F2} s = {rows / elapsed.TotalSeconds:N0} rows/s"));
    }

    public void Dispose() => directory.Dispose();
}
