using Backups.Domain.Schema;
using Backups.Sources.Tests.Support;
using Backups.TestFixtures.AllTypes;
using Backups.TestFixtures.Vacols;

namespace Backups.Sources.Tests.Sqlite;

public sealed class SqliteSourceTests : IDisposable
{
    private readonly TemporaryDirectory directory = new();

    [Fact]
    public async Task Every_VACOLS_table_is_captured_with_its_declared_types_and_reads_back_its_sample_rows()
    {
        var path = directory.File("vacols.db");
        VacolsFixture.BuildSqlite(path);

        await using var session = await SourceFactory.Create("sqlite", path).OpenSnapshotAsync(SourceSelection.All, CancellationToken.None);

        session.Tables.Select(t => t.Name).ShouldBe(VacolsFixture.Tables.Select(t => t.Name).Order(StringComparer.Ordinal));
        foreach (var expected in VacolsFixture.Tables)
        {
            var table = session.Table(expected.Name);
            table.Schema.ShouldBeNull();
            table.PrimaryKey.ShouldBe(expected.PrimaryKey);
            table.Columns.Select(c => (c.Name, c.SourceType, c.IsNullable)).ShouldBe(expected.Columns.Select(c => (c.Name, c.SqliteType, !c.NotNull)));
            table.Columns.Select(c => c.Kind).ShouldBe(expected.Columns.Select(c => c.Oracle.Type == "NUMBER" ? ColumnKind.Decimal : ColumnKind.Text));
            var rows = await session.ReadAllAsync(expected.Name);
            VacolsRows.Actual(expected, rows).ShouldBe(VacolsRows.Expected(expected), expected.Name);
        }

        session.Table("staff").Columns.Single(c => c.Name == "stc1").ShouldBe(new ColumnSchema("stc1", "NUMERIC(38,0)", ColumnKind.Decimal, true, 38, 0));
        session.Table("brieff").Columns.Single(c => c.Name == "bfkey").ShouldBe(new ColumnSchema("bfkey", "VARCHAR(12)", ColumnKind.Text, false, null, null, 12));
    }

    [Fact]
    public async Task Every_supported_type_reads_back_as_exactly_the_canonical_clr_value()
    {
        var path = directory.File("types.db");
        AllTypesFixture.CreateSqlite(path);

        await using var session = await SourceFactory.Create("sqlite", $"Data Source={path}").OpenSnapshotAsync(SourceSelection.All, CancellationToken.None);

        var table = session.Table(AllTypesFixture.TableName);
        table.Columns.Skip(1).Select(c => (c.Name, c.SourceType, c.Kind))
            .ShouldBe(AllTypesFixture.SqliteColumns.Select(c => (c.Name, c.SourceType, c.Kind)));
        var names = new[] { "id" }.Concat(AllTypesFixture.SqliteColumns.Select(c => c.Name)).ToList();
        (await session.ReadAllAsync(AllTypesFixture.TableName))
            .ShouldBeExactly(AllTypesFixture.ExpectedRows(AllTypesFixture.SqliteColumns, idIsInt64: true), names);
    }

    [Fact]
    public async Task A_stored_value_contradicting_the_column_type_is_an_error_naming_table_column_and_rowid()
    {
        var path = directory.File("bad.db");
        SqliteFile.Execute(path, "CREATE TABLE counts (n INTEGER, label TEXT); INSERT INTO counts VALUES (5, 'five'), ('abc', 'oops');");

        await using var session = await SourceFactory.Create("sqlite", path).OpenSnapshotAsync(SourceSelection.All, CancellationToken.None);

        var error = await Should.ThrowAsync<SourceValueException>(() => session.ReadAllAsync("counts"));
        (error.Table, error.Column, error.Row).ShouldBe(("counts", "n", "rowid 2"));
        error.Message.ShouldContain("text 'abc'");
    }

    [Fact]
    public async Task A_bad_value_in_a_table_without_rowid_is_located_by_its_key_and_booleans_accept_only_0_and_1()
    {
        var path = directory.File("norowid.db");
        SqliteFile.Execute(path, "CREATE TABLE flags (k TEXT PRIMARY KEY, on_off BOOLEAN) WITHOUT ROWID; INSERT INTO flags VALUES ('a', 1), ('b', 2);");

        await using var session = await SourceFactory.Create("sqlite", path).OpenSnapshotAsync(SourceSelection.All, CancellationToken.None);

        var error = await Should.ThrowAsync<SourceValueException>(() => session.ReadAllAsync("flags"));
        (error.Column, error.Row).ShouldBe(("on_off", "key (b)"));
        error.Message.ShouldContain("integer 2");
    }

    [Fact]
    public async Task An_untyped_column_mixing_storage_classes_is_refused_when_the_snapshot_opens()
    {
        var path = directory.File("mixed.db");
        SqliteFile.Execute(path, "CREATE TABLE loose (id INTEGER PRIMARY KEY, anything); INSERT INTO loose (anything) VALUES (1), ('one');");

        var error = await Should.ThrowAsync<UnsupportedColumnTypeException>(
            () => SourceFactory.Create("sqlite", path).OpenSnapshotAsync(SourceSelection.All, CancellationToken.None));

        error.Message.ShouldContain("loose");
        error.Message.ShouldContain("anything");
        error.Message.ShouldContain("integer, text");
    }

    [Fact]
    public async Task A_write_committed_during_the_snapshot_is_not_seen_and_the_point_in_time_is_described()
    {
        var path = directory.File("wal.db");
        SqliteFile.Execute(path, "PRAGMA journal_mode = WAL; CREATE TABLE a (id INTEGER PRIMARY KEY, v TEXT); CREATE TABLE b (id INTEGER PRIMARY KEY);"
            + "INSERT INTO a VALUES (1, 'old'), (2, 'old'); INSERT INTO b VALUES (1);");

        await using var session = await SourceFactory.Create("sqlite", path).OpenSnapshotAsync(SourceSelection.All, CancellationToken.None);
        SqliteFile.Execute(path, "UPDATE a SET v = 'new'; INSERT INTO a VALUES (3, 'new'); DELETE FROM b;");

        (await session.ReadAllAsync("a")).Select(r => ((long)r[0]!, (string)r[1]!)).ShouldBe([(1L, "old"), (2L, "old")]);
        (await session.ReadAllAsync("b")).Count.ShouldBe(1);
        session.MaxParallelReaders.ShouldBe(1);
        session.ConsistencyPoint["journal-mode"].ShouldBe("wal");
        session.ConsistencyPoint.Keys.ShouldBeSubsetOf(["schema-version", "page-count", "journal-mode", "file-size", "file-mtime-utc", "file-change-counter", "wal-size"]);
        session.Identity.ShouldBe(new SourceIdentity("sqlite", null, Path.GetFullPath(path), null, session.Identity.ServerVersion));
        session.Identity.ServerVersion.ShouldStartWith("3.");
        session.EstimateRows(session.Table("a")).ShouldBeNull();
    }

    [Fact]
    public async Task Concurrent_reads_take_turns_on_the_one_connection_and_both_complete()
    {
        var path = directory.File("turns.db");
        VacolsFixture.BuildSqlite(path, tables: ["staff", "assign"]);
        await using var session = await SourceFactory.Create("sqlite", path).OpenSnapshotAsync(SourceSelection.All, CancellationToken.None);

        var counts = await Task.WhenAll(Task.Run(() => session.ReadAllAsync("staff")), Task.Run(() => session.ReadAllAsync("assign")));

        counts.Select(c => c.Count).ShouldBe([VacolsFixture.Table("staff").Rows.Count, VacolsFixture.Table("assign").Rows.Count]);
    }

    [Fact]
    public async Task Include_and_exclude_patterns_apply_and_a_schema_other_than_main_is_refused()
    {
        var path = directory.File("select.db");
        VacolsFixture.BuildSqlite(path, tables: ["brieff", "folder", "issues", "issref"]);
        var source = SourceFactory.Create("sqlite", path);

        await using (var session = await source.OpenSnapshotAsync(new SourceSelection("main", ["ISS*", "brief*"], ["issref"]), CancellationToken.None))
        {
            session.Tables.Select(t => t.Name).ShouldBe(["brieff", "issues"]);
        }

        var unmatched = await Should.ThrowAsync<TableSelectionException>(() => source.OpenSnapshotAsync(new SourceSelection(null, ["corres"], []), CancellationToken.None));
        unmatched.Message.ShouldContain("brieff, folder, issref, issues");
        await Should.ThrowAsync<TableSelectionException>(() => source.OpenSnapshotAsync(new SourceSelection("vacols", [], []), CancellationToken.None));
    }

    [Fact]
    public async Task A_missing_file_or_a_file_that_is_not_a_database_is_unavailable()
    {
        var missing = directory.File("missing.db");
        var missingError = await Should.ThrowAsync<SourceUnavailableException>(
            () => SourceFactory.Create("sqlite", missing).OpenSnapshotAsync(SourceSelection.All, CancellationToken.None));
        missingError.Message.ShouldContain(missing);
        File.Exists(missing).ShouldBeFalse();

        var junk = directory.File("junk.db");
        await File.WriteAllTextAsync(junk, new string('x', 4096));
        var junkError = await Should.ThrowAsync<SourceUnavailableException>(
            () => SourceFactory.Create("sqlite", junk).OpenSnapshotAsync(SourceSelection.All, CancellationToken.None));
        junkError.Message.ShouldContain(junk);
    }

    public void Dispose() => directory.Dispose();
}
