using Backups.Restore.Tests.Support;
using Backups.TestFixtures.AllTypes;

namespace Backups.Restore.Tests.Diff;

/// <summary>
/// The repair script in SQLite's dialect, run as an operator would (<c>sqlite3 -bail DATABASE &lt; FILE</c>) against the
/// all-types SQLite table: it brings back the snapshot's values exactly (storage classes included), changes nothing when
/// run again, and leaves alone, naming it, a row changed again after the diff.
/// </summary>
public sealed class SqliteRepairScriptTests : IDisposable
{
    private const string Table = AllTypesFixture.TableName;
    // The untyped column whose one value is a blob keeps its values: with them moved to other rows the live table's
    // inferred kind would differ from the snapshot's, and the script says it leaves such a column alone.
    private static readonly string Columns = string.Join(", ", AllTypesFixture.SqliteColumns.Select(c => c.Name).Where(n => n != "c_untyped_blob"));
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Sqlite3Fact]
    public async Task A_script_for_every_SQLite_type_restores_the_snapshot_values_exactly_and_changes_nothing_when_run_again()
    {
        var (db, snapshot) = await SnapshottedAsync();
        var original = SqliteRows.Dump(db, Table, "id");
        var rows = AllTypesFixture.RowCount(AllTypesFixture.SqliteColumns);

        // Every row takes the next row's values; row 3 goes; a row 99 appears.
        SqliteRows.Execute(db, $"""
            UPDATE {Table} SET ({Columns}) = (SELECT {Columns} FROM {Table} b WHERE b.id = {Table}.id % {rows} + 1);
            DELETE FROM {Table} WHERE id = 3;
            INSERT INTO {Table} (id, {Columns}) SELECT 99, {Columns} FROM {Table} WHERE id = 2;
            """);
        SqliteRows.Dump(db, Table, "id").ShouldNotBe(original);

        var script = Path.Combine(_workspace.Root, "repair.sql");
        var diff = await _workspace.RunExpectingAsync(0,
            "diff", "--store", _workspace.StoreDirectory, "--snapshot", snapshot, "--against", $"sqlite:{db}", "--table", Table, "--sql", script);
        diff.Out.ShouldContain($"{rows - 1} changed, 1 added, 1 removed");
        diff.Error.ShouldContain($"review it, then run sqlite3 -bail {db} < {script}");
        var text = await File.ReadAllTextAsync(script);
        text.ShouldContain("-- (the script then prints 'left alone, changed since the diff:' and its key). Review, then run: sqlite3 -bail DATABASE_FILE < THIS_FILE");
        text.ShouldNotContain("psql");
        text.ShouldNotContain("Not restored");

        var first = await Sqlite3.RunFileAsync(db, script);
        first.ExitCode.ShouldBe(0, first.Error);
        first.Out.ShouldBeEmpty("every row still held what the diff saw");
        SqliteRows.Dump(db, Table, "id").Where(r => !r.StartsWith("id=integer:99 ", StringComparison.Ordinal)).ShouldBe(original);

        var second = await Sqlite3.RunFileAsync(db, script);
        second.ExitCode.ShouldBe(0, second.Error);
        second.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(rows - 1, "each UPDATE now finds its row changed and says so");
        SqliteRows.Dump(db, Table, "id").Where(r => !r.StartsWith("id=integer:99 ", StringComparison.Ordinal)).ShouldBe(original, "running it again changes nothing");
    }

    [Sqlite3Fact]
    public async Task A_row_changed_again_after_the_diff_is_left_alone_and_the_script_names_it()
    {
        var (db, snapshot) = await SnapshottedAsync();
        var original = SqliteRows.Dump(db, Table, "id");
        SqliteRows.Execute(db, $"UPDATE {Table} SET c_text = 'damaged' WHERE id IN (1, 2, 4)");
        var script = Path.Combine(_workspace.Root, "repair.sql");
        await _workspace.RunExpectingAsync(0,
            "diff", "--store", _workspace.StoreDirectory, "--snapshot", snapshot, "--against", $"sqlite:{db}", "--table", Table, "--columns", "c_text", "--sql", script);

        // Someone fixes row 2 by hand before the script runs.
        SqliteRows.Execute(db, $"UPDATE {Table} SET c_text = 'fixed by hand' WHERE id = 2");
        var run = await Sqlite3.RunFileAsync(db, script);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Out.Trim().ShouldBe("left alone, changed since the diff: \"id\" = 2");
        var after = SqliteRows.Dump(db, Table, "id");
        after[1].ShouldContain("c_text=text:'fixed by hand'", customMessage: "the later change is kept");
        after.Where((_, i) => i != 1).ShouldBe(original.Where((_, i) => i != 1), "rows 1 and 4 are repaired, the others untouched");
    }

    private async Task<(string Database, string Snapshot)> SnapshottedAsync()
    {
        var db = Path.Combine(_workspace.Root, "types.db");
        AllTypesFixture.CreateSqlite(db);
        return (db, await _workspace.SnapshotSqliteAsync(db));
    }
}
