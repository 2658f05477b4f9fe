using Backups.IntegrationTests.Support;
using Backups.Snapshots;
using Backups.TestFixtures.Postgres;
using Backups.TestFixtures.Vacols;

namespace Backups.IntegrationTests;

/// <summary>
/// The acceptance path: a VACOLS-shaped PostgreSQL database snapshotted with <c>backups snapshot</c> into S3 and into
/// a directory, then checked with every read-side command (verify, list, catalog rebuild, show).
/// </summary>
public sealed class VacolsSnapshotTests(VacolsDatabase vacols) : IClassFixture<VacolsDatabase>
{
    [PostgresFact]
    public async Task A_VACOLS_snapshot_into_a_directory_store_is_complete_verifiable_listed_rebuildable_and_shown()
    {
        using var workspace = new Workspace();
        await SnapshotAndCheckEverythingAsync(workspace, workspace.StoreUrl);
    }

    [PostgresAndS3Fact]
    public async Task A_VACOLS_snapshot_into_S3_is_complete_verifiable_listed_rebuildable_and_shown()
    {
        await using var bucket = await TestBucket.CreateAsync();
        using var workspace = new Workspace();
        var store = bucket.Url("vacols");
        var id = await SnapshotAndCheckEverythingAsync(workspace, store);

        var keys = await bucket.KeysAsync();
        keys.ShouldContain($"vacols/snapshots/{id}/manifest.json");
        keys.ShouldAllBe(k => k.StartsWith("vacols/snapshots/" + id + "/", StringComparison.Ordinal), "nothing but the snapshot is written below the prefix");
        (await bucket.InProgressUploadsAsync()).ShouldBeEmpty();
    }

    private async Task<string> SnapshotAndCheckEverythingAsync(Workspace workspace, string store)
    {
        var connection = await vacols.ConnectionAsync();
        var policy = workspace.WritePolicy(TestPolicies.Postgres("vacols", VacolsFixture.DefaultSchema, store));

        var snapshot = await workspace.RunExpectingAsync(0, "snapshot", "--policy", policy, "--source", $"postgres:{connection}", "--store", store, "--json");
        var summary = Json.Parse(snapshot);
        var id = summary.GetProperty("id").GetString()!;
        SnapshotId.IsValid(id).ShouldBeTrue($"'{id}' is a snapshot id");
        summary.GetProperty("tables").GetInt32().ShouldBe(VacolsFixture.Tables.Count);

        // The manifest's row counts are the database's.
        var manifest = await StoreAccess.ReadManifestAsync(workspace, store, id);
        manifest.Tables.Count.ShouldBe(VacolsFixture.Tables.Count);
        long total = 0;
        foreach (var table in VacolsFixture.Tables)
        {
            var stored = manifest.FindTable(VacolsFixture.DefaultSchema, table.Name);
            stored.ShouldNotBeNull($"the manifest has table {table.Name}");
            var count = await Sql.CountAsync(connection, VacolsFixture.DefaultSchema, table.Name);
            count.ShouldBeGreaterThan(0);
            stored.RowCount.ShouldBe(count, $"rows of {table.Name}");
            stored.Parts.Sum(p => p.RowCount).ShouldBe(count, $"rows in the parts of {table.Name}");
            total += count;
        }

        summary.GetProperty("rows").GetInt64().ShouldBe(total);
        manifest.Totals.Rows.ShouldBe(total);

        (await workspace.RunExpectingAsync(0, "verify", "--store", store, id)).Out.ShouldContain($"{id}: ok");
        (await workspace.RunExpectingAsync(0, "verify", "--all", "--store", store)).Out.ShouldContain($"{id}: ok");

        var listed = Json.Parse(await workspace.RunExpectingAsync(0, "list", "--store", store, "--json"));
        Json.Ids(listed).ShouldBe([id]);
        listed[0].GetProperty("rows").GetInt64().ShouldBe(total);

        // The catalog is only an index: delete it and rebuild it from the store.
        DeleteCatalog(workspace);
        Json.Parse(await workspace.RunExpectingAsync(0, "list", "--json")).GetArrayLength().ShouldBe(0);
        await workspace.RunExpectingAsync(0, "catalog", "rebuild", "--store", store);
        var rebuilt = Json.Parse(await workspace.RunExpectingAsync(0, "list", "--json"));
        Json.Ids(rebuilt).ShouldBe([id]);
        rebuilt[0].GetProperty("tables").GetInt32().ShouldBe(VacolsFixture.Tables.Count);

        // show finds the store through the rebuilt catalog and prints every table.
        var shown = await workspace.RunExpectingAsync(0, "show", id);
        shown.Out.ShouldContain(id);
        foreach (var table in VacolsFixture.Tables)
        {
            shown.Out.ShouldContain($"{VacolsFixture.DefaultSchema}.{table.Name} ");
        }

        return id;
    }

    private static void DeleteCatalog(Workspace workspace)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            File.Delete(workspace.CatalogPath + suffix);
        }
    }
}
