using Backups.IntegrationTests.Support;
using Backups.TestFixtures.Vacols;

namespace Backups.IntegrationTests;

/// <summary>The embedded default: a SQLite file snapshotted into a local directory by a policy shaped like policies/examples/local.yaml.</summary>
public sealed class SqliteSnapshotTests
{
    [Fact]
    public async Task A_VACOLS_SQLite_file_snapshots_into_a_directory_store_with_a_local_policy()
    {
        using var workspace = new Workspace();
        var database = Path.Combine(workspace.Root, "demo.db");
        VacolsFixture.BuildSqlite(database);
        workspace.Environment["DEMO_DB"] = database;
        var policy = workspace.WritePolicy(TestPolicies.Local("local", "${DEMO_DB}", workspace.StoreDirectory));

        var snapshot = await workspace.RunExpectingAsync(0, "snapshot", "--policy", policy);

        snapshot.Out.ShouldStartWith("snapshot ");
        var listed = Json.Parse(await workspace.RunExpectingAsync(0, "list", "--store", workspace.StoreDirectory, "--json"));
        var id = Json.Ids(listed).ShouldHaveSingleItem();
        snapshot.Out.ShouldContain($"snapshot {id} of local: {VacolsFixture.Tables.Count} tables");

        var manifest = await StoreAccess.ReadManifestAsync(workspace, workspace.StoreUrl, id);
        manifest.Source.Kind.ShouldBe("sqlite");
        manifest.Tables.Select(t => t.Name).Order(StringComparer.Ordinal)
            .ShouldBe(VacolsFixture.Tables.Select(t => t.Name).Order(StringComparer.Ordinal));
        foreach (var table in manifest.Tables)
        {
            table.RowCount.ShouldBe(Sql.CountSqlite(database, table.Name), $"rows of {table.Name}");
        }

        await workspace.RunExpectingAsync(0, "verify", "--all", "--store", workspace.StoreDirectory);
        var shown = await workspace.RunExpectingAsync(0, "show", id);
        foreach (var table in manifest.Tables)
        {
            shown.Out.ShouldContain(table.QualifiedName);
        }
    }
}
