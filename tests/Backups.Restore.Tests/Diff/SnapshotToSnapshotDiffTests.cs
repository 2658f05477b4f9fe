using System.Text.Json;
using Backups.Restore.Tests.Support;
using NodaTime;

namespace Backups.Restore.Tests.Diff;

/// <summary>
/// "What changed between 09:00 and 11:00?": <c>diff --snapshot A --snapshot B</c> between two real snapshots written at
/// those instants, checked row by row and value by value, with each side named and dated on standard error.
/// </summary>
public sealed class SnapshotToSnapshotDiffTests : IDisposable
{
    private static readonly Instant Nine = Workspace.Start - Duration.FromHours(3);
    private static readonly Instant Eleven = Workspace.Start - Duration.FromHours(1);
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Changed_added_and_removed_rows_come_with_their_old_and_new_values()
    {
        var (a, b) = await TwoSnapshotsAsync();

        var result = await _workspace.RunExpectingAsync(0,
            "diff", "--store", _workspace.StoreDirectory, "--snapshot", a, "--snapshot", b, "--table", "app.accounts", "--json");
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;

        root.GetProperty("old").GetProperty("snapshot").GetString().ShouldBe(a);
        root.GetProperty("new").GetProperty("snapshot").GetString().ShouldBe(b);
        root.GetProperty("key").EnumerateArray().Select(k => k.GetString()).ShouldBe(["id"]);
        var rows = root.GetProperty("differences").EnumerateArray()
            .ToDictionary(d => d.GetProperty("key").GetProperty("id").GetInt64());
        rows.Keys.Order().ShouldBe([3L, 5L, 7L, 11L]);

        rows[3].GetProperty("kind").GetString().ShouldBe("changed");
        Changes(rows[3]).ShouldBe(new Dictionary<string, (string?, string?)> { ["amount"] = ("3.03", "999.99") });
        rows[5].GetProperty("kind").GetString().ShouldBe("changed");
        Changes(rows[5]).ShouldBe(new Dictionary<string, (string?, string?)> { ["note"] = ("note 5, \"quoted\"", null), ["opened"] = ("2024-01-06", "2025-01-01") });

        rows[7].GetProperty("kind").GetString().ShouldBe("removed");
        var removed = rows[7].GetProperty("row");
        removed.GetProperty("amount").GetString().ShouldBe("7.07");
        removed.GetProperty("note").GetString().ShouldBe("note 7, \"quoted\"");
        removed.GetProperty("opened").GetString().ShouldBe("2024-01-08");

        rows[11].GetProperty("kind").GetString().ShouldBe("added");
        var added = rows[11].GetProperty("row");
        added.GetProperty("amount").GetString().ShouldBe("11.11");
        added.GetProperty("note").GetString().ShouldBe("opened at ten");
        added.GetProperty("big").GetString().ShouldBe("-0.000000000000000000000000000000000000000001");

        var summary = root.GetProperty("summary");
        (summary.GetProperty("changed").GetInt64(), summary.GetProperty("added").GetInt64(), summary.GetProperty("removed").GetInt64()).ShouldBe((2L, 1L, 1L));
        (summary.GetProperty("oldRows").GetInt64(), summary.GetProperty("newRows").GetInt64()).ShouldBe((10L, 10L));
    }

    [Fact]
    public async Task The_text_form_shows_each_difference_and_both_snapshots_are_named_with_their_age()
    {
        var (a, b) = await TwoSnapshotsAsync();

        var result = await _workspace.RunExpectingAsync(0,
            "diff", "--store", _workspace.StoreDirectory, "--snapshot", a, "--snapshot", b, "--table", "accounts");

        result.Out.ShouldContain("~ id = 3: amount 3.03 -> 999.99");
        result.Out.ShouldContain("~ id = 5: note 'note 5, \"quoted\"' -> NULL, opened '2024-01-06' -> '2025-01-01'");
        result.Out.ShouldContain("- id = 7 (removed): amount = 7.07, note = 'note 7, \"quoted\"', opened = '2024-01-08'");
        result.Out.ShouldContain("+ id = 11 (added): amount = 11.11, note = 'opened at ten'");
        result.Out.ShouldContain("2 changed, 1 added, 1 removed (10 rows old, 10 new)");
        result.Error.ShouldContain($"backups: old side: snapshot {a} of postgres app (policy test), started 2026-11-25T09:00:00Z, 3h ago");
        result.Error.ShouldContain($"backups: new side: snapshot {b} of postgres app (policy test), started 2026-11-25T11:00:00Z, 60m ago");
    }

    [Fact]
    public async Task Picked_by_instant_the_old_side_says_which_snapshot_it_is_and_how_far_before_the_instant()
    {
        var (a, b) = await TwoSnapshotsAsync();

        var result = await _workspace.RunExpectingAsync(0,
            "diff", "--store", _workspace.StoreDirectory, "--at", "2026-11-25T10:30:00Z", "--snapshot", b, "--table", "accounts");

        result.Error.ShouldContain($"backups: old side: snapshot {a} of postgres app (policy test), started 2026-11-25T09:00:00Z, 90m before --at 2026-11-25T10:30:00Z, 3h ago");
        result.Out.ShouldContain("2 changed, 1 added, 1 removed");
    }

    private async Task<(string A, string B)> TwoSnapshotsAsync()
    {
        var before = StoreBuilder.AccountRows(10);
        var after = StoreBuilder.AccountRows(10).Where(r => (long)r[0]! != 7).ToList();
        after.Single(r => (long)r[0]! == 3)[1] = "999.99";
        var five = after.Single(r => (long)r[0]! == 5);
        five[2] = null;
        five[3] = new DateOnly(2025, 1, 1);
        after.Add([11L, "11.11", "opened at ten", new DateOnly(2024, 3, 1), "-0.000000000000000000000000000000000000000001"]);
        var a = await StoreBuilder.WriteAsync(_workspace.StoreDirectory, Nine, (StoreBuilder.Accounts, before));
        var b = await StoreBuilder.WriteAsync(_workspace.StoreDirectory, Eleven, (StoreBuilder.Accounts, after));
        return (a.Id, b.Id);
    }

    private static Dictionary<string, (string?, string?)> Changes(JsonElement difference) =>
        difference.GetProperty("changes").EnumerateObject().ToDictionary(
            c => c.Name,
            c => (c.Value.GetProperty("old").GetString(), c.Value.GetProperty("new").GetString()));
}
