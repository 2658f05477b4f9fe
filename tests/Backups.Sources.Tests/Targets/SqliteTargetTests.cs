using Backups.Domain.Schema;
using Backups.Sources.Targets;
using Backups.Sources.Tests.Support;
using Backups.Sources.Tests.Targets.Support;
using Backups.TestFixtures.AllTypes;
using Backups.TestFixtures.Vacols;

namespace Backups.Sources.Tests.Targets;

/// <summary>SQLite snapshot → SQLite target, and SQLite-specific behaviour of the target.</summary>
public sealed class SqliteTargetTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TemporaryDirectory directory = new();

    private static async Task<(TableSchema Table, List<object?[]> Rows)> ReadAsync(string path, string table)
    {
        await using var session = await SourceFactory.Create("sqlite", path).OpenSnapshotAsync(SourceSelection.All, None);
        var captured = session.Table(table);
        return (captured, await session.ReadAllAsync(table));
    }

    private static Task<ITargetSession> OpenAsync(string path, string snapshotSourceKind = "sqlite") =>
        TargetFactory.OpenAsync("sqlite", path, snapshotSourceKind, None);

    [Fact]
    public async Task Every_type_of_the_all_types_table_comes_back_exactly()
    {
        var source = directory.File("source.db");
        AllTypesFixture.CreateSqlite(source);
        var (table, rows) = await ReadAsync(source, AllTypesFixture.TableName);
        var spare = directory.File("spare.db");

        await using (var target = await OpenAsync(spare))
        {
            await target.CreateTableAsync(table, null, None);
            (await target.LoadAsync(table, null, RowStreams.From(rows), null, None)).ShouldBe(rows.Count);
        }

        var (restoredTable, restored) = await ReadAsync(spare, AllTypesFixture.TableName);
        restoredTable.ShouldDescribeTheSameTableAs(table);
        var names = table.Columns.Select(c => c.Name).ToList();
        restored.ShouldBeExactly(rows, names);
        restored.ShouldBeExactly(AllTypesFixture.ExpectedRows(AllTypesFixture.SqliteColumns, idIsInt64: true), names);
    }

    [Fact]
    public async Task Every_VACOLS_table_comes_back_with_the_same_rows()
    {
        var source = directory.File("vacols.db");
        VacolsFixture.BuildSqlite(source);
        var spare = directory.File("spare.db");
        await using var snapshot = await SourceFactory.Create("sqlite", source).OpenSnapshotAsync(SourceSelection.All, None);
        await using (var target = await OpenAsync(spare))
        {
            foreach (var table in snapshot.Tables)
            {
                await target.CreateTableAsync(table, null, None);
                (await target.LoadAsync(table, null, snapshot.ReadRowsAsync(table, None), null, None)).ShouldBe(VacolsFixture.Table(table.Name).Rows.Count);
            }
        }

        await using var restored = await SourceFactory.Create("sqlite", spare).OpenSnapshotAsync(SourceSelection.All, None);
        foreach (var table in snapshot.Tables)
        {
            restored.Table(table.Name).ShouldDescribeTheSameTableAs(table);
            (await restored.ReadAllAsync(table.Name)).ShouldBeExactly(await snapshot.ReadAllAsync(table.Name), table.Columns.Select(c => c.Name).ToList());
        }
    }

    [Fact]
    public async Task A_row_refused_mid_load_leaves_the_table_as_it_was()
    {
        var table = new TableSchema(null, "Accounts",
            [new("id", "INTEGER", ColumnKind.Int64, false), new("name", "TEXT", ColumnKind.Text, false), new("balance", "NUMERIC(12,2)", ColumnKind.Decimal, true, 12, 2)],
            ["id"], [["name"]]);
        var spare = directory.File("spare.db");
        await using var target = await OpenAsync(spare);
        await target.CreateTableAsync(table, null, None);
        await target.LoadAsync(table, null, RowStreams.From([[1L, "a", "1.5"], [2L, "b", null]]), null, None);

        foreach (var mode in new[] { LoadMode.Append, LoadMode.Replace })
        {
            var rows = RowStreams.From([[3L, "c", "3"], [4L, null, "4"], [5L, "e", "5"]]);
            var error = await Should.ThrowAsync<TargetLoadException>(() => target.LoadAsync(table, null, rows, mode, null, None));
            error.Row.ShouldBe(2);
            error.Message.ShouldContain("NOT NULL constraint failed: Accounts.name");

            var failing = RowStreams.ThenFail([[3L, "c", "3"]], new SourceValueException("broken part"));
            await Should.ThrowAsync<SourceValueException>(() => target.LoadAsync(table, null, failing, mode, null, None));
        }

        var (_, after) = await ReadAsync(spare, "Accounts");
        after.ShouldBeExactly([[1L, "a", "1.5"], [2L, "b", null]], ["id", "name", "balance"]);
    }

    [Fact]
    public async Task Replace_mode_swaps_the_rows_and_truncate_empties_the_table()
    {
        var table = new TableSchema(null, "t", [new("id", "INTEGER", ColumnKind.Int64, false)], ["id"], []);
        var spare = directory.File("spare.db");
        await using var target = await OpenAsync(spare);
        await target.CreateTableAsync(table, "main", None);
        await target.LoadAsync(table, null, RowStreams.From([[1L], [2L]]), null, None);
        var progress = new SyncProgress();

        (await target.LoadAsync(table, null, RowStreams.Generate(12_345, i => [i + 10]), LoadMode.Replace, progress, None)).ShouldBe(12_345);

        progress.Reports.ShouldBe([10_000, 12_345]);
        (await ReadAsync(spare, "t")).Rows.Select(r => (long)r[0]!).ShouldBe(Enumerable.Range(11, 12_345).Select(i => (long)i));
        await target.TruncateAsync(null, "t", None);
        (await ReadAsync(spare, "t")).Rows.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_incompatible_existing_table_is_reported_column_by_column_with_both_types()
    {
        var spare = directory.File("spare.db");
        SqliteFile.Execute(spare, """
            CREATE TABLE brieff (bfkey VARCHAR(12) NOT NULL PRIMARY KEY, bfso INTEGER, bfcorlid varchar (16), note TEXT NOT NULL, id2 INTEGER DEFAULT 0 NOT NULL);
            """);
        var table = new TableSchema(null, "BRIEFF",
            [new("bfkey", "VARCHAR(12)", ColumnKind.Text, false), new("bfso", "VARCHAR(1)", ColumnKind.Text, true), new("bfcorlid", "VARCHAR(16)", ColumnKind.Text, true), new("bfddec", "DATE", ColumnKind.Text, true)],
            ["bfkey"], []);
        await using var target = await OpenAsync(spare);

        var state = await target.InspectAsync(null, "BRIEFF", None);

        state.Exists.ShouldBeTrue();
        state.Columns.Select(c => c.Name).ShouldBe(["bfkey", "bfso", "bfcorlid", "note", "id2"]);
        target.CheckCompatible(table, state).ShouldBe(
        [
            "table BRIEFF: column bfso is VARCHAR(1) in the snapshot but INTEGER in the target",
            "table BRIEFF: column bfddec (DATE in the snapshot) is missing in the target",
            "table BRIEFF: column note (TEXT) exists only in the target and is NOT NULL without a default, so the snapshot's rows cannot fill it",
        ]);
        (await Should.ThrowAsync<TargetSchemaException>(() => target.CreateTableAsync(table, null, None))).Message.ShouldContain("already exists");
    }

    [Fact]
    public async Task A_schema_other_than_main_is_refused()
    {
        await using var target = await OpenAsync(directory.File("spare.db"));

        await Should.ThrowAsync<ArgumentException>(() => target.InspectAsync("vacols", "brieff", None));
    }

    public void Dispose() => directory.Dispose();
}
