using System.Text.Json;
using Backups.Restore.Tests.Support;
using Backups.TestFixtures.Postgres;

namespace Backups.Restore.Tests.Diff;

/// <summary>
/// <c>backups diff</c> against a live copy of the snapshot (restored into a database of the test's own, then changed):
/// filters, keys, columns, added and removed rows, and the refusals.
/// </summary>
public sealed class DiffCommandTests(VacolsSnapshot vacols) : IClassFixture<VacolsSnapshot>
{
    [PostgresFact]
    public async Task Where_limits_the_diff_to_rows_matching_on_either_side()
    {
        var live = await LiveCopyAsync();
        var moved = await Db.ScalarAsync<string>(live, "SELECT min(bfkey) FROM vacols.brieff WHERE bfregoff = 'RO17'");
        await Db.ExecuteAsync(live, $"""
            UPDATE vacols.brieff SET bfso = NULL WHERE bfregoff IN ('RO17', 'RO19');
            UPDATE vacols.brieff SET bfregoff = 'RO99' WHERE bfkey = '{moved}';
            """);
        var all = await DiffJsonAsync(live, "--table", "brieff");
        var filtered = await DiffJsonAsync(live, "--table", "brieff", "--where", "bfregoff = 'RO17'");

        Changed(all).Count.ShouldBe(48);
        var keys = Changed(filtered);
        keys.Count.ShouldBe(26, "the 26 RO17 rows, including the one that left RO17 since");
        keys.ShouldContain(moved);
        filtered.GetProperty("summary").GetProperty("added").GetInt64().ShouldBe(0);
        filtered.GetProperty("summary").GetProperty("removed").GetInt64().ShouldBe(0);
        filtered.GetProperty("where").GetString().ShouldBe("bfregoff = 'RO17'");
    }

    [PostgresFact]
    public async Task Rows_added_and_removed_are_reported_whole_and_the_text_form_names_each_key()
    {
        var live = await LiveCopyAsync();
        var gone = await Db.ScalarAsync<string>(live, "SELECT min(bfkey) FROM vacols.brieff");
        await Db.ExecuteAsync(live, $"""
            DELETE FROM vacols.brieff WHERE bfkey = '{gone}';
            INSERT INTO vacols.brieff (bfkey, bfso) VALUES ('NEW-1', 'x');
            UPDATE vacols.brieff SET bfso = 'q', bfmpro = 'ZZZ' WHERE bfkey = (SELECT max(bfkey) FROM vacols.brieff WHERE bfkey <> 'NEW-1');
            """);
        var text = await vacols.Workspace.RunExpectingAsync(0, "diff", "--store", vacols.Store, "--snapshot", vacols.SnapshotId, "--against", $"postgres:{live}", "--table", "brieff");
        text.Out.ShouldContain($"- bfkey = '{gone}' (removed): ");
        text.Out.ShouldContain("+ bfkey = 'NEW-1' (added): bfso = 'x'");
        text.Out.ShouldMatch(@"~ bfkey = '\d+': bfmpro '[^']*' -> 'ZZZ', bfso '[^']*' -> 'q'");
        text.Out.ShouldContain("1 changed, 1 added, 1 removed (241 rows old, 241 new)");

        var json = await DiffJsonAsync(live, "--table", "brieff", "--columns", "bfmpro");
        var differences = json.GetProperty("differences").EnumerateArray().ToList();
        differences.Single(d => d.GetProperty("kind").GetString() == "changed").GetProperty("changes").EnumerateObject().Select(p => p.Name).ShouldBe(["bfmpro"]);
        differences.Single(d => d.GetProperty("kind").GetString() == "removed").GetProperty("row").GetProperty("bfkey").GetString().ShouldBe(gone);
        differences.Single(d => d.GetProperty("kind").GetString() == "added").GetProperty("row").GetProperty("bfso").GetString().ShouldBe("x");
    }

    [PostgresFact]
    public async Task A_table_without_a_primary_key_is_compared_on_the_key_given()
    {
        var live = await LiveCopyAsync();
        await Db.ExecuteAsync(live, "UPDATE vacols.folder SET tinum = 'changed' WHERE ticknum IN (SELECT ticknum FROM vacols.folder ORDER BY ticknum DESC LIMIT 4)");
        (await vacols.Workspace.RunExpectingAsync(2, "diff", "--store", vacols.Store, "--snapshot", vacols.SnapshotId, "--against", $"postgres:{live}", "--table", "folder"))
            .Error.ShouldContain("no primary key in the snapshot: give --key");
        var json = await DiffJsonAsync(live, "--table", "folder", "--key", "ticknum");
        Changed(json).Count.ShouldBe(4);
    }

    [PostgresFact]
    public async Task Bad_keys_tables_filters_and_sides_are_refused_with_exit_2()
    {
        var live = await LiveCopyAsync();
        async Task<string> Refused(params string[] args) =>
            (await vacols.Workspace.RunExpectingAsync(2, ["diff", "--store", vacols.Store, .. args])).Error;

        (await Refused("--snapshot", vacols.SnapshotId, "--against", $"postgres:{live}", "--table", "nosuch")).ShouldContain("vacols.brieff");
        (await Refused("--snapshot", vacols.SnapshotId, "--against", $"postgres:{live}", "--table", "brieff", "--key", "nosuch")).ShouldContain("--key: column nosuch");
        (await Refused("--snapshot", vacols.SnapshotId, "--against", $"postgres:{live}", "--table", "brieff", "--columns", "nosuch")).ShouldContain("--columns: nosuch");
        (await Refused("--snapshot", vacols.SnapshotId, "--against", $"postgres:{live}", "--table", "brieff", "--where", "no_such_column = 1")).ShouldContain("--where");
        (await Refused("--snapshot", vacols.SnapshotId, "--table", "brieff")).ShouldContain("the new side");
        (await Refused("--at", "2020-01-01T00:00:00Z", "--against", $"postgres:{live}", "--table", "brieff")).ShouldContain("oldest available");
    }

    private async Task<string> LiveCopyAsync()
    {
        var live = await vacols.SpareAsync();
        await vacols.Workspace.RunExpectingAsync(0, "restore", "--store", vacols.Store, "--snapshot", vacols.SnapshotId, "--to", $"postgres:{live}", "--tables", "brieff,folder");
        return live;
    }

    private async Task<JsonElement> DiffJsonAsync(string live, params string[] args)
    {
        var result = await vacols.Workspace.RunExpectingAsync(0,
            ["diff", "--store", vacols.Store, "--snapshot", vacols.SnapshotId, "--against", $"postgres:{live}", "--json", .. args]);
        using var json = JsonDocument.Parse(result.Out);
        return json.RootElement.Clone();
    }

    private static List<string> Changed(JsonElement diff) =>
        [.. diff.GetProperty("differences").EnumerateArray()
            .Where(d => d.GetProperty("kind").GetString() == "changed")
            .Select(d => d.GetProperty("key").EnumerateObject().Single().Value.GetString()!)];
}
