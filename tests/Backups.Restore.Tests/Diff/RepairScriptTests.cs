using Backups.Restore.Tests.Support;
using Backups.TestFixtures.AllTypes;
using Backups.TestFixtures.Postgres;

namespace Backups.Restore.Tests.Diff;

/// <summary>
/// The repair script's literals for every PostgreSQL type, checked by running it: the all-types table (NaN, -0,
/// 40-digit numerics, emoji, backslashes and newlines, bytea with zero bytes, year 1 and 9999, arrays, enums,
/// domains, xml, ranges...) is scrambled, a row deleted and one added; the script must bring it back exactly.
/// </summary>
public sealed class RepairScriptTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    private static readonly string Columns = string.Join(", ", AllTypesFixture.PostgresColumns.Select(c => c.Name));

    [PostgresFact]
    public async Task A_script_for_every_type_restores_the_snapshot_values_exactly_and_changes_nothing_when_run_again()
    {
        using var workspace = new Workspace();
        var db = await server.CreateDatabaseAsync("restore_alltypes");
        await AllTypesFixture.CreatePostgresAsync(db);
        var original = await Db.ChecksumAsync(db, "public", AllTypesFixture.TableName);
        var snapshot = await workspace.SnapshotAsync(db, "public", "alltypes");

        // Every row takes the next row's values; row 3 goes; a row 7 appears.
        await Db.ExecuteAsync(db, $"""
            UPDATE all_types a SET ({Columns}) = (SELECT {Columns} FROM all_types b WHERE b.id = a.id % 6 + 1);
            DELETE FROM all_types WHERE id = 3;
            INSERT INTO all_types (id, {Columns}) SELECT 7, {Columns} FROM all_types WHERE id = 2;
            """);
        (await Db.ChecksumAsync(db, "public", AllTypesFixture.TableName)).ShouldNotBe(original);

        var script = Path.Combine(workspace.Root, "repair.sql");
        var diff = await workspace.RunExpectingAsync(0,
            "diff", "--store", workspace.StoreDirectory, "--snapshot", snapshot, "--against", $"postgres:{db}", "--table", "all_types", "--sql", script);
        diff.Out.ShouldContain("5 changed, 1 added, 1 removed");
        var text = await File.ReadAllTextAsync(script);
        text.Split('\n').Count(l => l.StartsWith("-- DELETE FROM \"public\".\"all_types\" WHERE \"id\" = 7 AND ", StringComparison.Ordinal)).ShouldBe(1);

        var first = await Psql.RunFileAsync(db, script);
        first.ExitCode.ShouldBe(0, first.Error);
        Psql.Tags(first.Out).ShouldBe(["BEGIN", .. Psql.Settings, .. Enumerable.Repeat("UPDATE 1", 5), "INSERT 0 1", "COMMIT"]);
        (await Db.ChecksumAsync(db, "public", AllTypesFixture.TableName, "id <> 7")).ShouldBe(original);

        var second = await Psql.RunFileAsync(db, script);
        second.ExitCode.ShouldBe(0, second.Error);
        Psql.Tags(second.Out).ShouldBe(["BEGIN", .. Psql.Settings, .. Enumerable.Repeat("UPDATE 0", 5), "INSERT 0 0", "COMMIT"]);

        // The commented-out DELETE, once the reviewer enables it, removes exactly the added row: its guard matches every value.
        var withDelete = Path.Combine(workspace.Root, "repair-with-delete.sql");
        await File.WriteAllTextAsync(withDelete, text.Replace("-- DELETE FROM", "DELETE FROM", StringComparison.Ordinal));
        var third = await Psql.RunFileAsync(db, withDelete);
        third.ExitCode.ShouldBe(0, third.Error);
        Psql.Tags(third.Out).ShouldContain("DELETE 1");
        (await Db.ChecksumAsync(db, "public", AllTypesFixture.TableName)).ShouldBe(original);
    }

    [PostgresFact]
    public async Task A_row_changed_again_after_the_diff_is_left_alone_and_psql_reports_UPDATE_0_for_it()
    {
        using var workspace = new Workspace();
        var db = await server.CreateDatabaseAsync("restore_clobber");
        await AllTypesFixture.CreatePostgresAsync(db);
        var snapshot = await workspace.SnapshotAsync(db, "public", "alltypes");
        var original = await Db.ChecksumAsync(db, "public", AllTypesFixture.TableName, "id <> 2");
        await Db.ExecuteAsync(db, "UPDATE all_types SET c_text = 'damaged' WHERE id IN (1, 2, 4)");
        var script = Path.Combine(workspace.Root, "repair.sql");
        var diff = await workspace.RunExpectingAsync(0,
            "diff", "--store", workspace.StoreDirectory, "--snapshot", snapshot, "--against", $"postgres:{db}", "--table", "all_types", "--columns", "c_text", "--sql", script);
        diff.Out.ShouldContain("3 changed, 0 added, 0 removed");
        diff.Error.ShouldContain($"review it, then run psql -v ON_ERROR_STOP=1 -f {script}");

        // Someone fixes row 2 by hand before the script runs: the script must not overwrite that.
        await Db.ExecuteAsync(db, "UPDATE all_types SET c_text = 'fixed by hand' WHERE id = 2");
        var run = await Psql.RunFileAsync(db, script);

        run.ExitCode.ShouldBe(0, run.Error);
        var updates = (await File.ReadAllLinesAsync(script)).Where(l => l.StartsWith("UPDATE ", StringComparison.Ordinal)).ToList();
        var expected = updates.Select(u => u.Contains("WHERE \"id\" = 2 AND", StringComparison.Ordinal) ? "UPDATE 0" : "UPDATE 1").ToList();
        expected.Count(t => t == "UPDATE 0").ShouldBe(1);
        Psql.Tags(run.Out).ShouldBe(["BEGIN", .. Psql.Settings, .. expected, "COMMIT"], "psql reports UPDATE 0 for exactly the row changed since");
        (await Db.ScalarAsync<string>(db, "SELECT c_text FROM all_types WHERE id = 2")).ShouldBe("fixed by hand");
        (await Db.ChecksumAsync(db, "public", AllTypesFixture.TableName, "id <> 2")).ShouldBe(original, "rows 1 and 4 repaired, the rest untouched");
    }
}
