using System.Text.Json;
using Backups.Restore.Tests.Support;
using Backups.TestFixtures.Postgres;
using Microsoft.Data.Sqlite;

namespace Backups.Restore.Tests.Restore;

/// <summary>Restores that go through: modes, schema, dry run, into-source when confirmed, another dialect.</summary>
public sealed class RestoreTests(VacolsSnapshot vacols) : IClassFixture<VacolsSnapshot>
{
    [PostgresFact]
    public async Task A_whole_snapshot_restores_in_parallel_into_an_empty_database_identical_to_the_source()
    {
        var spare = await vacols.SpareAsync();
        var result = await RunAsync(0, "--snapshot", vacols.SnapshotId, "--to", $"postgres:{spare}", "--parallelism", "3", "--json");
        using var json = JsonDocument.Parse(result.Out);
        json.RootElement.GetProperty("tables").GetArrayLength().ShouldBe(13);
        json.RootElement.GetProperty("snapshot").GetProperty("id").GetString().ShouldBe(vacols.SnapshotId);
        json.RootElement.GetProperty("countedAfter").GetBoolean().ShouldBeTrue();
        (await Db.ChecksumsAsync(spare, "vacols")).ShouldBe(vacols.Checksums);
        // Each change was logged before it was made.
        result.Error.ShouldContain("create table vacols.brieff (85 columns, primary key (bfkey))");
        result.Error.ShouldContain("load 241 rows of vacols.brieff");
    }

    [PostgresFact]
    public async Task A_dry_run_lists_the_changes_and_makes_none()
    {
        var spare = await vacols.SpareAsync();
        var result = await RunAsync(0, "--snapshot", vacols.SnapshotId, "--to", $"postgres:{spare}", "--tables", "brieff,vacols.staff", "--dry-run");
        result.Out.ShouldContain("create table vacols.brieff");
        result.Out.ShouldContain("load 3,357 rows of vacols.staff");
        result.Out.ShouldContain("nothing was changed");
        (await Db.ScalarAsync<long>(spare, "SELECT count(*) FROM pg_namespace WHERE nspname = 'vacols'")).ShouldBe(0);
    }

    [PostgresFact]
    public async Task Truncate_replaces_the_rows_and_append_adds_to_them()
    {
        var spare = await vacols.SpareAsync();
        await RunAsync(0, "--snapshot", vacols.SnapshotId, "--to", $"postgres:{spare}", "--tables", "staff,brieff");
        await Db.ExecuteAsync(spare, "DELETE FROM vacols.staff WHERE ctid IN (SELECT ctid FROM vacols.staff LIMIT 100); UPDATE vacols.brieff SET bfso = 'Z'");

        var truncate = await RunAsync(0, "--snapshot", vacols.SnapshotId, "--to", $"postgres:{spare}", "--tables", "staff,brieff", "--mode", "truncate");
        truncate.Error.ShouldContain("empty table vacols.staff and load 3,357 rows");
        (await Db.ChecksumAsync(spare, "vacols", "staff")).ShouldBe(vacols.Checksums["staff"]);
        (await Db.ChecksumAsync(spare, "vacols", "brieff")).ShouldBe(vacols.Checksums["brieff"]);

        await RunAsync(0, "--snapshot", vacols.SnapshotId, "--to", $"postgres:{spare}", "--tables", "staff", "--mode", "append");
        (await Db.CountAsync(spare, "vacols", "staff")).ShouldBe(2 * 3357);
        (await RunAsync(1, "--snapshot", vacols.SnapshotId, "--to", $"postgres:{spare}", "--tables", "brieff", "--mode", "append"))
            .Error.ShouldContain("duplicate key");
        (await Db.ChecksumAsync(spare, "vacols", "brieff")).ShouldBe(vacols.Checksums["brieff"], "the failed append was rolled back");
    }

    [PostgresFact]
    public async Task Schema_puts_the_tables_beside_the_existing_ones()
    {
        var spare = await vacols.SpareAsync();
        await RunAsync(0, "--snapshot", vacols.SnapshotId, "--to", $"postgres:{spare}", "--tables", "brieff");
        await RunAsync(0, "--snapshot", vacols.SnapshotId, "--to", $"postgres:{spare}", "--tables", "brieff", "--schema", "yesterday");
        (await Db.ChecksumAsync(spare, "yesterday", "brieff")).ShouldBe(vacols.Checksums["brieff"]);
    }

    [PostgresFact]
    public async Task Into_the_source_with_into_source_yes_tables_and_mode_the_named_tables_are_restored()
    {
        var source = await vacols.Server.CreateDatabaseAsync("restore_own");
        using var workspace = new Workspace();
        await Backups.TestFixtures.Vacols.VacolsFixture.BuildPostgresAsync(source, tables: ["BRIEFF", "REP"]);
        var id = await workspace.SnapshotAsync(source, "vacols");
        var rep = await Db.ChecksumAsync(source, "vacols", "rep");
        var brieff = await Db.ChecksumAsync(source, "vacols", "brieff");
        await Db.ExecuteAsync(source, "UPDATE vacols.brieff SET bfso = NULL; DELETE FROM vacols.rep");

        var result = await workspace.RunExpectingAsync(0,
            "restore", "--store", workspace.StoreDirectory, "--snapshot", id, "--to", $"postgres:{source}", "--into-source", "--yes", "--tables", "brieff", "--mode", "truncate");
        result.Error.ShouldContain("restoring into the snapshot's own source");
        (await Db.ChecksumAsync(source, "vacols", "brieff")).ShouldBe(brieff);
        (await Db.CountAsync(source, "vacols", "rep")).ShouldBe(0, "only the named table is restored");
        rep.ShouldNotBe(await Db.ChecksumAsync(source, "vacols", "rep"));
    }

    [PostgresFact]
    public async Task A_PostgreSQL_snapshot_restores_into_SQLite_one_table_at_a_time()
    {
        using var workspace = new Workspace();
        var file = Path.Combine(workspace.Root, "spare.db");
        var result = await RunAsync(0, "--snapshot", vacols.SnapshotId, "--to", $"sqlite:{file}", "--tables", "brieff,staff", "--parallelism", "4", "--json");
        using (var json = JsonDocument.Parse(result.Out))
        {
            json.RootElement.GetProperty("countedAfter").GetBoolean().ShouldBeTrue("SQLite counted both tables after their loads");
        }

        await using var db = new SqliteConnection($"Data Source={file};Pooling=false");
        await db.OpenAsync();
        await using var count = db.CreateCommand();
        count.CommandText = "SELECT (SELECT count(*) FROM brieff) + (SELECT count(*) FROM staff)";
        ((long)(await count.ExecuteScalarAsync())!).ShouldBe(241 + 3357);
    }

    [PostgresFact]
    public async Task A_target_that_takes_fewer_connections_than_asked_still_gets_every_table()
    {
        var spare = await vacols.SpareAsync();
        var role = $"restore_limited_{Guid.NewGuid():N}"[..30];
        var database = new Npgsql.NpgsqlConnectionStringBuilder(spare).Database;
        await Db.ExecuteAsync(spare, $"CREATE ROLE {role} LOGIN CONNECTION LIMIT 2; GRANT CREATE, CONNECT ON DATABASE \"{database}\" TO {role}");
        try
        {
            var limited = new Npgsql.NpgsqlConnectionStringBuilder(spare) { Username = role, Password = null }.ConnectionString;
            var result = await RunAsync(0, "--snapshot", vacols.SnapshotId, "--to", $"postgres:{limited}", "--parallelism", "4");
            result.Out.ShouldContain("restored 13 tables");
            result.Out.ShouldContain("the target's row counts match the manifest");
            (await Db.ChecksumsAsync(spare, "vacols")).ShouldBe(vacols.Checksums);
        }
        finally
        {
            await Db.ExecuteAsync(spare, $"DROP OWNED BY {role}; DROP ROLE {role}");
        }
    }

    private async Task<CliResult> RunAsync(int expected, params string[] args) =>
        await vacols.Workspace.RunExpectingAsync(expected, ["restore", "--store", vacols.Store, .. args]);
}
