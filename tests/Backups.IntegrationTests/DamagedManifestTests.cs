using System.Text.Json;
using Backups.IntegrationTests.Support;
using Backups.Snapshots;
using Backups.TestFixtures.AllTypes;

namespace Backups.IntegrationTests;

/// <summary>
/// One damaged snapshot does not take a whole store down: of three snapshots, one has a manifest that no longer
/// matches its checksum and one a checksum file of garbage. verify --all fails naming both objects and still checks
/// the third; list shows the third and warns about the others; catalog rebuild indexes the third and reports the others.
/// </summary>
public sealed class DamagedManifestTests
{
    [Fact]
    public async Task Verify_all_reports_each_damaged_manifest_by_object_checks_the_rest_and_exits_1()
    {
        using var workspace = new Workspace();
        var (edited, garbled, intact) = await ThreeSnapshotsTwoDamagedAsync(workspace);

        var text = await workspace.RunExpectingAsync(1, "verify", "--all", "--store", workspace.StoreUrl);
        text.Out.ShouldContain($"{edited}: FAILED");
        text.Out.ShouldContain($"  {SnapshotKeys.Manifest(edited)}: expected SHA-256");
        text.Out.ShouldContain($"{garbled}: FAILED");
        text.Out.ShouldContain($"  {SnapshotKeys.ManifestChecksum(garbled)}: ");
        text.Out.ShouldContain($"{intact}: ok");
        text.Out.ShouldContain("1 of 3 snapshots intact");

        var json = Json.Parse(await workspace.RunExpectingAsync(1, "verify", "--all", "--store", workspace.StoreUrl, "--json"));
        json.GetProperty("ok").GetBoolean().ShouldBeFalse();
        var reports = json.GetProperty("snapshots").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!);
        reports.Keys.Order(StringComparer.Ordinal).ShouldBe(new[] { edited, garbled, intact }.Order(StringComparer.Ordinal));
        reports[intact].GetProperty("ok").GetBoolean().ShouldBeTrue();
        Keys(reports[edited]).ShouldContain(SnapshotKeys.Manifest(edited));
        Keys(reports[garbled]).ShouldContain(SnapshotKeys.ManifestChecksum(garbled));
    }

    [Fact]
    public async Task List_shows_the_readable_snapshots_warns_about_each_damaged_one_and_marks_them_in_json()
    {
        using var workspace = new Workspace();
        var (edited, garbled, intact) = await ThreeSnapshotsTwoDamagedAsync(workspace);

        var text = await workspace.RunExpectingAsync(0, "list", "--store", workspace.StoreUrl);
        text.Out.ShouldContain(intact);
        text.Out.ShouldNotContain(edited);
        text.Out.ShouldContain("1 snapshots");
        text.Error.ShouldContain($"warning: snapshot {edited} is damaged and left out: object '{SnapshotKeys.Manifest(edited)}' is corrupt");
        text.Error.ShouldContain($"warning: snapshot {garbled} is damaged and left out: object '{SnapshotKeys.ManifestChecksum(garbled)}' is corrupt");

        var json = Json.Parse(await workspace.RunExpectingAsync(0, "list", "--store", workspace.StoreUrl, "--json"));
        var entries = json.EnumerateArray().ToDictionary(e => e.GetProperty("id").GetString()!);
        entries.Count.ShouldBe(3);
        entries[intact].GetProperty("damaged").GetBoolean().ShouldBeFalse();
        entries[intact].GetProperty("rows").GetInt64().ShouldBe(AllTypesFixture.RowCount(AllTypesFixture.SqliteColumns));
        foreach (var (id, key) in new[] { (edited, SnapshotKeys.Manifest(edited)), (garbled, SnapshotKeys.ManifestChecksum(garbled)) })
        {
            entries[id].GetProperty("damaged").GetBoolean().ShouldBeTrue();
            entries[id].GetProperty("key").GetString().ShouldBe(key);
            entries[id].GetProperty("problem").GetString()!.ShouldContain("is corrupt");
            entries[id].GetProperty("rows").ValueKind.ShouldBe(JsonValueKind.Null);
        }
    }

    [Fact]
    public async Task Catalog_rebuild_indexes_the_readable_snapshots_and_reports_the_damaged_ones()
    {
        using var workspace = new Workspace();
        var (edited, garbled, intact) = await ThreeSnapshotsTwoDamagedAsync(workspace);
        File.Delete(workspace.CatalogPath);

        var text = await workspace.RunExpectingAsync(0, "catalog", "rebuild", "--store", workspace.StoreUrl);
        text.Out.ShouldContain("1 snapshots of");
        text.Out.ShouldContain("2 damaged snapshots left out");
        text.Out.ShouldContain($"  {edited}: object '{SnapshotKeys.Manifest(edited)}' is corrupt");
        text.Out.ShouldContain($"  {garbled}: object '{SnapshotKeys.ManifestChecksum(garbled)}' is corrupt");
        Json.Ids(Json.Parse(await workspace.RunExpectingAsync(0, "list", "--json"))).ShouldBe([intact]);

        var json = Json.Parse(await workspace.RunExpectingAsync(0, "catalog", "rebuild", "--store", workspace.StoreUrl, "--json"));
        json.GetProperty("snapshots").GetInt32().ShouldBe(1);
        json.GetProperty("damaged").EnumerateArray().Select(d => d.GetProperty("id").GetString()!)
            .ShouldBe(new[] { edited, garbled }.Order(StringComparer.Ordinal));
    }

    /// <summary>Three snapshots of a small SQLite file; the first gets an edited manifest, the second a garbage checksum file.</summary>
    private static async Task<(string Edited, string Garbled, string Intact)> ThreeSnapshotsTwoDamagedAsync(Workspace workspace)
    {
        var database = Path.Combine(workspace.Root, "small.db");
        AllTypesFixture.CreateSqlite(database);
        var policy = workspace.WritePolicy(TestPolicies.Local("damaged", database, workspace.StoreDirectory));
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(Json.Parse(await workspace.RunExpectingAsync(0, "snapshot", "--policy", policy, "--json")).GetProperty("id").GetString()!);
        }

        // An edit an operator might make by hand: the manifest still parses, but no longer matches its checksum.
        var manifest = workspace.StorePath(SnapshotKeys.Manifest(ids[0]));
        await File.WriteAllTextAsync(manifest, (await File.ReadAllTextAsync(manifest)).Replace("\"policy\": \"damaged\"", "\"policy\": \"edited\"", StringComparison.Ordinal));
        await File.WriteAllTextAsync(workspace.StorePath(SnapshotKeys.ManifestChecksum(ids[1])), "not a checksum\n");
        return (ids[0], ids[1], ids[2]);
    }

    private static List<string> Keys(JsonElement report) =>
        [.. report.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("key").GetString()!)];
}
