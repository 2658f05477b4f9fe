using Backups.Restore.Tests.Support;
using Backups.Snapshots;
using Backups.TestFixtures.Postgres;

namespace Backups.Restore.Tests.Restore;

/// <summary>A damaged table file stops its table before it is touched, names the object and exits 1.</summary>
public sealed class RestoreCorruptionTests(VacolsSnapshot vacols) : IClassFixture<VacolsSnapshot>
{
    [PostgresFact]
    public async Task A_corrupt_part_is_named_and_its_table_keeps_its_rows_while_intact_tables_are_restored()
    {
        using var workspace = new Workspace();
        vacols.CopyStoreTo(workspace);
        var key = await CorruptAsync(workspace, "brieff");
        var spare = await vacols.SpareAsync();
        await workspace.RunExpectingAsync(0, "restore", "--store", vacols.Store, "--snapshot", vacols.SnapshotId, "--to", $"postgres:{spare}", "--tables", "brieff");
        await Db.ExecuteAsync(spare, "UPDATE vacols.brieff SET bfso = 'Z' WHERE bfkey IN (SELECT bfkey FROM vacols.brieff LIMIT 3)");
        var before = await Db.ChecksumAsync(spare, "vacols", "brieff");

        var result = await workspace.RunExpectingAsync(1,
            "restore", "--store", workspace.StoreDirectory, "--snapshot", vacols.SnapshotId, "--to", $"postgres:{spare}",
            "--tables", "staff,brieff", "--mode", "truncate", "--parallelism", "1");
        result.Error.ShouldContain($"object '{key}' is corrupt");
        result.Error.ShouldContain("table vacols.brieff was not restored");
        result.Error.ShouldNotContain("load 241 rows of vacols.brieff", Case.Sensitive, "the load was never started");
        (await Db.ChecksumAsync(spare, "vacols", "brieff")).ShouldBe(before);
        (await Db.ChecksumAsync(spare, "vacols", "staff")).ShouldBe(vacols.Checksums["staff"], "the larger table went first and is restored");
        result.Error.ShouldContain("Restored and committed before the failure: vacols.staff");
    }

    [PostgresFact]
    public async Task In_create_mode_a_corrupt_table_is_not_even_created()
    {
        using var workspace = new Workspace();
        vacols.CopyStoreTo(workspace);
        await CorruptAsync(workspace, "staff");
        var spare = await vacols.SpareAsync();
        var result = await workspace.RunExpectingAsync(1,
            "restore", "--store", workspace.StoreDirectory, "--snapshot", vacols.SnapshotId, "--to", $"postgres:{spare}", "--tables", "staff");
        result.Error.ShouldContain("No table was restored");
        (await Db.ScalarAsync<long>(spare, "SELECT count(*) FROM pg_tables WHERE schemaname = 'vacols'")).ShouldBe(0);
    }

    [PostgresFact]
    public async Task Rows_the_target_silently_drops_are_caught_by_counting_after_the_load()
    {
        var spare = await vacols.SpareAsync();
        await vacols.Workspace.RunExpectingAsync(0, "restore", "--store", vacols.Store, "--snapshot", vacols.SnapshotId, "--to", $"postgres:{spare}", "--tables", "rep");
        await Db.ExecuteAsync(spare, """
            CREATE FUNCTION vacols.drop_some() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN CASE WHEN NEW.repkey LIKE '%1' THEN NULL ELSE NEW END; END $$;
            CREATE TRIGGER drop_some BEFORE INSERT ON vacols.rep FOR EACH ROW EXECUTE FUNCTION vacols.drop_some();
            """);
        var result = await vacols.Workspace.RunExpectingAsync(1,
            "restore", "--store", vacols.Store, "--snapshot", vacols.SnapshotId, "--to", $"postgres:{spare}", "--tables", "rep", "--mode", "truncate");
        result.Error.ShouldMatch(@"table vacols\.rep holds \d+ rows after the restore, the snapshot 41");
    }

    /// <summary>Flips one byte in the middle of the table's first part (size unchanged, SHA-256 not); returns its key.</summary>
    private async Task<string> CorruptAsync(Workspace workspace, string table)
    {
        var manifest = await new SnapshotReader().ReadManifestAsync(Backups.Storage.ObjectStoreFactory.Open(workspace.StoreDirectory), vacols.SnapshotId, CancellationToken.None);
        var key = manifest.FindTable("vacols", table)!.Parts[0].Key;
        var path = workspace.StorePath(key);
        var bytes = await File.ReadAllBytesAsync(path);
        bytes[bytes.Length / 2] ^= 0x5a;
        await File.WriteAllBytesAsync(path, bytes);
        return key;
    }
}
