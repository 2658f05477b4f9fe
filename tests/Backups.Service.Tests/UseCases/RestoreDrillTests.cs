using System.Globalization;
using System.Text.Json;
using Backups.Service.Jobs;
using Backups.Service.Tests.Support;
using Backups.TestFixtures.Postgres;
using Microsoft.Data.Sqlite;
using Npgsql;
using Serilog.Events;

namespace Backups.Service.Tests.UseCases;

/// <summary>
/// A policy that names a spare gets a restore drill with its weekly verification: the newest snapshot restored into the
/// spare (SQLite, or a real PostgreSQL database), row counts checked, the outcome in the log, /health and /metrics.
/// </summary>
public sealed class RestoreDrillTests(PostgresServer postgres) : IClassFixture<PostgresServer>, IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task The_verify_job_restores_the_newest_snapshot_into_a_sqlite_spare_and_again_the_next_week()
    {
        var spare = _directory.Combine("spare.db");
        await using var host = await DrillHost.StartAsync(_directory, $"{{ kind: sqlite, connection: {spare} }}");

        var first = await host.VerifyAsync();
        var second = await host.VerifyAsync();

        first.Result.ShouldBe(RunResult.Succeeded, first.Error);
        second.Result.ShouldBe(RunResult.Succeeded, second.Error);
        // The second drill empties the tables the first created (mode truncate) instead of adding to them.
        SqliteCount(spare, "items").ShouldBe(30);
        SqliteCount(spare, "notes").ShouldBe(3);
        var succeeded = host.Sink.At(LogEventLevel.Information, "Restore drill of {Policy} succeeded");
        succeeded.Count.ShouldBe(2);
        succeeded[0].RenderMessage(CultureInfo.InvariantCulture).ShouldContain($"{host.Snapshots[^1]}\" restored into \"sqlite {spare}\", 2 tables, 33 rows");
        host.Sink.Rendered().ShouldContain(line => line.StartsWith("\"Restore drill of app\": ", StringComparison.Ordinal) && line.Contains("\"empty table items and load 30 rows", StringComparison.Ordinal));
        var drill = await HealthDrillAsync(host);
        drill.GetProperty("status").GetString().ShouldBe("ok");
        drill.GetProperty("snapshot").GetString().ShouldBe(host.Snapshots[^1]);
        drill.GetProperty("rows").GetInt64().ShouldBe(33);
        var metrics = await host.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        metrics.ShouldContain("backups_restore_drill_failed{policy=\"app\"} 0\n");
        metrics.ShouldNotContain("backups_restore_drill_last_success_timestamp_seconds{policy=\"app\"} 0\n");
    }

    [Fact]
    public async Task A_spare_whose_table_cannot_take_the_rows_fails_the_drill_and_the_verify_job()
    {
        var spare = _directory.Combine("spare.db");
        using (var connection = new SqliteConnection($"Data Source={spare};Pooling=false"))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE items (id INTEGER PRIMARY KEY, name BLOB NOT NULL)";
            create.ExecuteNonQuery();
        }
        await using var host = await DrillHost.StartAsync(_directory, $"{{ kind: sqlite, connection: {spare} }}");

        var run = await host.VerifyAsync();

        run.Result.ShouldBe(RunResult.Failed);
        run.Error.ShouldNotBeNull().ShouldStartWith($"the restore drill of {host.Snapshots[^1]} into the spare of app failed: ");
        run.Error.ShouldContain("name");
        host.Sink.At(LogEventLevel.Error, "Restore drill of {Policy} FAILED").ShouldHaveSingleItem();
        var drill = await HealthDrillAsync(host);
        drill.GetProperty("status").GetString().ShouldBe("failed");
        drill.GetProperty("error").GetString().ShouldNotBeNull().ShouldContain("name");
        var metrics = await host.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        metrics.ShouldContain("backups_restore_drill_failed{policy=\"app\"} 1\n");
        metrics.ShouldContain("backups_restore_drill_last_success_timestamp_seconds{policy=\"app\"} 0\n");
        metrics.ShouldContain("backups_job_failures_total{policy=\"app\",job=\"verify\"} 1\n");
    }

    [PostgresFact]
    public async Task The_drill_restores_into_a_real_postgresql_spare_and_counts_the_rows_there()
    {
        var spare = await postgres.CreateDatabaseAsync("backups_spare");
        await using var host = await DrillHost.StartAsync(
            _directory, "{ kind: postgres, connection: \"${SPARE_CONNECTION}\", schema: drill }", new Dictionary<string, string?> { ["SPARE_CONNECTION"] = spare });

        var run = await host.VerifyAsync();

        run.Result.ShouldBe(RunResult.Succeeded, run.Error);
        await using var connection = new NpgsqlConnection(spare);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT (SELECT count(*) FROM drill.items), (SELECT count(*) FROM drill.notes), (SELECT sum(amount) FROM drill.items)", connection);
        await using var reader = await count.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue();
        reader.GetInt64(0).ShouldBe(30);
        reader.GetInt64(1).ShouldBe(3);
        reader.GetDouble(2).ShouldBe(Enumerable.Range(0, 30).Sum(i => i * 1.5));
        (await HealthDrillAsync(host)).GetProperty("status").GetString().ShouldBe("ok");
    }

    private static async Task<JsonElement> HealthDrillAsync(DrillHost host)
    {
        using var health = JsonDocument.Parse(await host.Http.GetStringAsync(new Uri("/health", UriKind.Relative)));
        return health.RootElement.GetProperty("policies")[0].GetProperty("restoreDrill").Clone();
    }

    private static long SqliteCount(string path, string table)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }

    public void Dispose() => _directory.Dispose();
}
