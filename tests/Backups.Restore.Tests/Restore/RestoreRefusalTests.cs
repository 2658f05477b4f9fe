using Backups.Restore.Tests.Support;
using Backups.TestFixtures.Postgres;

namespace Backups.Restore.Tests.Restore;

/// <summary>Every way a restore is refused before it changes anything, with its exit code and message.</summary>
public sealed class RestoreRefusalTests(VacolsSnapshot vacols) : IClassFixture<VacolsSnapshot>
{
    [PostgresFact]
    public async Task Restoring_into_the_snapshots_own_source_is_refused_with_exit_4()
    {
        var before = await Db.ChecksumsAsync(vacols.Source, "vacols");
        var result = await RunAsync(4, "--snapshot", vacols.SnapshotId, "--to", $"postgres:{vacols.Source}", "--mode", "truncate", "--tables", "brieff");
        result.Error.ShouldContain("is the database snapshot");
        result.Error.ShouldContain("--into-source --yes");
        (await Db.ChecksumsAsync(vacols.Source, "vacols")).ShouldBe(before);
    }

    [PostgresFact]
    public async Task Into_source_with_yes_still_needs_tables_and_mode_given_explicitly()
    {
        (await RunAsync(4, "--snapshot", vacols.SnapshotId, "--to", $"postgres:{vacols.Source}", "--into-source", "--yes", "--tables", "brieff"))
            .Error.ShouldContain("--tables T1,T2 and --mode");
        (await RunAsync(4, "--snapshot", vacols.SnapshotId, "--to", $"postgres:{vacols.Source}", "--into-source", "--yes", "--mode", "truncate"))
            .Error.ShouldContain("--tables T1,T2 and --mode");
        (await RunAsync(4, "--snapshot", vacols.SnapshotId, "--to", $"postgres:{vacols.Source}", "--into-source", "--tables", "brieff", "--mode", "truncate"))
            .Error.ShouldContain("--into-source --yes");
    }

    [PostgresFact]
    public async Task An_instant_older_than_every_snapshot_is_refused_naming_the_oldest()
    {
        var result = await RunAsync(2, "--at", "2020-01-01T00:00:00Z", "--to", $"postgres:{await vacols.SpareAsync()}");
        result.Error.ShouldContain($"the oldest available is {vacols.SnapshotId}");
    }

    [PostgresFact]
    public async Task An_unknown_snapshot_id_is_refused()
    {
        var result = await RunAsync(2, "--snapshot", "20200101T000000Z-00000000", "--to", $"postgres:{await vacols.SpareAsync()}");
        result.Error.ShouldContain("unknown snapshot id '20200101T000000Z-00000000'");
    }

    [PostgresFact]
    public async Task A_table_not_in_the_snapshot_is_refused_listing_the_tables_there()
    {
        var result = await RunAsync(2, "--snapshot", vacols.SnapshotId, "--to", $"postgres:{await vacols.SpareAsync()}", "--tables", "brieff,nosuch");
        result.Error.ShouldContain("table 'nosuch' is not in the snapshot");
        result.Error.ShouldContain("vacols.brieff, vacols.corres");
    }

    [PostgresFact]
    public async Task In_create_mode_an_existing_table_is_refused_by_name_and_nothing_is_loaded()
    {
        var spare = await vacols.SpareAsync();
        await Db.ExecuteAsync(spare, "CREATE SCHEMA vacols; CREATE TABLE vacols.folder (ticknum varchar(12))");
        var result = await RunAsync(4, "--snapshot", vacols.SnapshotId, "--to", $"postgres:{spare}");
        result.Error.ShouldContain("table vacols.folder already exists");
        result.Error.ShouldContain("--mode truncate");
        (await Db.ScalarAsync<long>(spare, "SELECT count(*) FROM pg_tables WHERE schemaname = 'vacols'")).ShouldBe(1, "no other table was created");
    }

    [PostgresFact]
    public async Task An_existing_table_of_another_shape_is_refused_naming_the_column_and_both_types()
    {
        var spare = await vacols.SpareAsync();
        await Db.ExecuteAsync(spare, "CREATE SCHEMA vacols; CREATE TABLE vacols.brieff AS SELECT * FROM (VALUES (1)) v(x) WHERE false");
        await RestoreAsync(spare, "--tables", "brieff", "--schema", "copy");
        await Db.ExecuteAsync(spare, "DROP TABLE vacols.brieff; ALTER TABLE copy.brieff SET SCHEMA vacols; ALTER TABLE vacols.brieff ALTER COLUMN bfso TYPE varchar(2)");
        var result = await RunAsync(2, "--snapshot", vacols.SnapshotId, "--to", $"postgres:{spare}", "--tables", "brieff", "--mode", "truncate");
        result.Error.ShouldContain("column bfso is character varying(1) in the snapshot but character varying(2) in the target");
        (await Db.CountAsync(spare, "vacols", "brieff")).ShouldBe(241, "the table is untouched");
    }

    [PostgresFact]
    public async Task A_target_that_is_not_KIND_CONNECTION_is_refused()
    {
        (await RunAsync(2, "--snapshot", vacols.SnapshotId, "--to", "Host=x;Database=y")).Error.ShouldContain("--to: expected KIND:CONNECTION");
        (await RunAsync(2, "--snapshot", vacols.SnapshotId, "--to", $"postgres:{vacols.Source}", "--mode", "replace")).Error.ShouldContain("--mode");
    }

    private async Task<CliResult> RunAsync(int expected, params string[] args) =>
        await vacols.Workspace.RunExpectingAsync(expected, ["restore", "--store", vacols.Store, .. args]);

    private Task<CliResult> RestoreAsync(string target, params string[] args) =>
        RunAsync(0, ["--snapshot", vacols.SnapshotId, "--to", $"postgres:{target}", .. args]);
}
