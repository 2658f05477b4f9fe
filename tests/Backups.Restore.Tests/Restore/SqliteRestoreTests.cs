using Backups.Restore.Tests.Support;
using Backups.TestFixtures.AllTypes;
using Backups.TestFixtures.Vacols;

namespace Backups.Restore.Tests.Restore;

/// <summary>
/// SQLite to SQLite: a restored file holds exactly the rows (and storage classes) of the source as snapshotted; a dry
/// run creates and changes nothing; restoring into the source file itself is refused unless asked for explicitly.
/// </summary>
public sealed class SqliteRestoreTests : IDisposable
{
    private readonly Workspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Theory]
    [InlineData("all-types")]
    [InlineData("vacols")]
    public async Task Every_table_restored_into_a_new_file_is_row_for_row_and_type_for_type_the_snapshotted_source(string fixture)
    {
        var source = Path.Combine(_workspace.Root, $"{fixture}.db");
        if (fixture == "vacols")
        {
            VacolsFixture.BuildSqlite(source);
        }
        else
        {
            AllTypesFixture.CreateSqlite(source);
        }

        var id = await _workspace.SnapshotSqliteAsync(source);
        var tables = Tables(source);
        // Rows as multisets: a restore loads in primary-key order, so rowids (never part of the data) may differ.
        var before = tables.ToDictionary(t => t, t => SqliteRows.Dump(source, t).Order(StringComparer.Ordinal).ToList());

        // Later changes to the source are not in the snapshot, and must not be in the restore.
        SqliteRows.Execute(source, $"DELETE FROM \"{tables[0]}\" WHERE rowid IN (SELECT min(rowid) FROM \"{tables[0]}\")");
        var spare = Path.Combine(_workspace.Root, "spare.db");
        var result = await _workspace.RunExpectingAsync(0, "restore", "--store", _workspace.StoreDirectory, "--snapshot", id, "--to", $"sqlite:{spare}");

        result.Out.ShouldContain($"restored {tables.Count} tables");
        Tables(spare).ShouldBe(tables, ignoreOrder: true);
        foreach (var table in tables)
        {
            before[table].ShouldNotBeEmpty($"table {table} has rows to compare");
            var after = SqliteRows.Dump(spare, table).Order(StringComparer.Ordinal).ToList();
            after.Count.ShouldBe(before[table].Count, $"rows of table {table}");
            var differs = after.Zip(before[table]).FirstOrDefault(p => p.First != p.Second);
            differs.ShouldBe(default, $"table {table}: restored row {differs.First} differs from the snapshotted {differs.Second}");
        }
    }

    [Fact]
    public async Task A_dry_run_into_a_missing_file_creates_nothing_and_into_an_existing_one_changes_nothing()
    {
        var source = Path.Combine(_workspace.Root, "types.db");
        AllTypesFixture.CreateSqlite(source);
        var id = await _workspace.SnapshotSqliteAsync(source);
        var missing = Path.Combine(_workspace.Root, "not-yet.db");

        var dryRun = await _workspace.RunExpectingAsync(0, "restore", "--store", _workspace.StoreDirectory, "--snapshot", id, "--to", $"sqlite:{missing}", "--dry-run");

        dryRun.Out.ShouldContain($"create table {AllTypesFixture.TableName}");
        dryRun.Out.ShouldContain("nothing was changed");
        File.Exists(missing).ShouldBeFalse("a dry run creates no file");
        Directory.EnumerateFiles(_workspace.Root, "not-yet.db*").ShouldBeEmpty("nor a journal");

        var existing = Path.Combine(_workspace.Root, "existing.db");
        SqliteRows.Execute(existing, "CREATE TABLE other (x INTEGER)");
        var bytes = await File.ReadAllBytesAsync(existing);
        await _workspace.RunExpectingAsync(0, "restore", "--store", _workspace.StoreDirectory, "--snapshot", id, "--to", $"sqlite:{existing}", "--dry-run");
        (await File.ReadAllBytesAsync(existing)).ShouldBe(bytes);
    }

    [Fact]
    public async Task Restoring_into_the_snapshotted_file_itself_is_refused_unless_asked_for_with_tables_and_mode()
    {
        var source = Path.Combine(_workspace.Root, "types.db");
        AllTypesFixture.CreateSqlite(source);
        var id = await _workspace.SnapshotSqliteAsync(source);
        var asSnapshotted = SqliteRows.Dump(source, AllTypesFixture.TableName);
        SqliteRows.Execute(source, $"UPDATE {AllTypesFixture.TableName} SET c_text = 'damaged'");
        var damaged = SqliteRows.Dump(source, AllTypesFixture.TableName);
        string[] restore = ["restore", "--store", _workspace.StoreDirectory, "--snapshot", id, "--to", $"sqlite:{source}"];

        var refused = await _workspace.RunExpectingAsync(4, restore);
        refused.Error.ShouldContain($"sqlite {source} is the database snapshot {id} was taken from");
        refused.Error.ShouldContain("--into-source --yes");
        (await _workspace.RunExpectingAsync(4, [.. restore, "--into-source"])).Error.ShouldContain("--into-source --yes");
        (await _workspace.RunExpectingAsync(4, [.. restore, "--into-source", "--yes"])).Error.ShouldContain("--tables T1,T2 and --mode");
        (await _workspace.RunExpectingAsync(4, [.. restore, "--into-source", "--yes", "--tables", AllTypesFixture.TableName])).Error.ShouldContain("--tables T1,T2 and --mode");
        SqliteRows.Dump(source, AllTypesFixture.TableName).ShouldBe(damaged, "every refusal changed nothing");

        var done = await _workspace.RunExpectingAsync(0, [.. restore, "--into-source", "--yes", "--tables", AllTypesFixture.TableName, "--mode", "truncate"]);
        done.Error.ShouldContain("restoring into the snapshot's own source");
        SqliteRows.Dump(source, AllTypesFixture.TableName).ShouldBe(asSnapshotted);
    }

    private static List<string> Tables(string path)
    {
        using var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        db.Open();
        using var command = new Microsoft.Data.Sqlite.SqliteCommand("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name", db);
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
