using System.Globalization;
using Backups.Domain.Schema;
using Backups.Sources.Targets;
using Backups.Sources.Tests.Support;
using Backups.Sources.Tests.Targets.Support;
using Backups.TestFixtures.AllTypes;
using Backups.TestFixtures.Postgres;

namespace Backups.Sources.Tests.Targets;

/// <summary>SQLite snapshot → PostgreSQL target and PostgreSQL snapshot → SQLite target.</summary>
public sealed class CrossDialectTests(PostgresServer server) : IClassFixture<PostgresServer>, IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TemporaryDirectory directory = new();

    private const string SimpleKinds = """
        CREATE TABLE public.simple (
            id integer PRIMARY KEY, small smallint, big bigint NOT NULL, r real, d double precision, amount numeric(12,2),
            label varchar(20), body text, code char(4), raw bytea, flag boolean, day date, at_time time, at timestamp,
            at_tz timestamptz, uid uuid, doc json, UNIQUE (big));
        INSERT INTO public.simple VALUES
            (1, -32768, 9223372036854775807, 0.1, 0.1, '-12.30', 'héllo', E'line\nbreak', 'ab', '\x00ff00', true, '2024-02-29',
             '23:59:59.999999', '2024-02-29 12:34:56.123456', '2024-02-29 12:34:56.5+05:30', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": [1, 2]}'),
            (2, NULL, -1, '-Infinity', 1.7976931348623157e308, '99999999.99', '', '', NULL, '\x', false, '0001-01-01',
             '00:00:00', '0001-01-01 00:00:00', '1970-01-01 00:00:00+00', '00000000-0000-0000-0000-000000000000', 'null'),
            (3, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
        """;

    [PostgresFact]
    public async Task Sqlite_columns_come_back_exactly_from_a_postgres_target_with_types_mapped_by_kind()
    {
        var source = directory.File("types.db");
        AllTypesFixture.CreateSqlite(source);
        await using var snapshot = await SourceFactory.Create("sqlite", source).OpenSnapshotAsync(SourceSelection.All, None);
        var table = snapshot.Table(AllTypesFixture.TableName);
        var rows = await snapshot.ReadAllAsync(AllTypesFixture.TableName);
        var spare = new SpareDatabase(await server.CreateDatabaseAsync("backups_targets"));

        await using (var target = await spare.OpenAsync("sqlite"))
        {
            target.SchemaFor(table, null).ShouldBe("public");
            await target.CreateTableAsync(table, null, None);
            (await target.LoadAsync(table, null, RowStreams.From(rows), null, None)).ShouldBe(rows.Count);
        }

        var (restoredTable, restored) = await spare.ReadAsync("public", AllTypesFixture.TableName);
        restoredTable.Columns.Select(c => c.SourceType).ShouldBe(table.Columns.Select(c => c.Kind switch
        {
            ColumnKind.Int64 => "bigint",
            ColumnKind.Float64 => "double precision",
            ColumnKind.Text => "text",
            ColumnKind.Binary => "bytea",
            ColumnKind.Decimal => "numeric",
            ColumnKind.Boolean => "boolean",
            var other => throw new InvalidOperationException($"unexpected kind {other}"),
        }));
        // SQLite reports its INTEGER PRIMARY KEY as nullable; a PostgreSQL key column is NOT NULL.
        restoredTable.Columns.Select(c => (c.Name, c.Kind, c.IsNullable)).ShouldBe(table.Columns.Select(c => (c.Name, c.Kind, c.IsNullable && c.Name != "id")));
        restoredTable.PrimaryKey.ShouldBe(["id"]);
        restored.ShouldBeExactly(rows, table.Columns.Select(c => c.Name).ToList());
    }

    [PostgresFact]
    public async Task Postgres_columns_of_simple_kinds_come_back_from_a_sqlite_target_in_its_own_forms()
    {
        var pg = new SpareDatabase(await server.CreateDatabaseAsync("backups_targets"));
        await pg.ExecuteAsync(SimpleKinds);
        var (table, rows) = await pg.ReadAsync("public", "simple");
        var spare = directory.File("spare.db");

        await using (var target = await TargetFactory.OpenAsync("sqlite", spare, "postgresql", None))
        {
            await target.CreateTableAsync(table, "main", None);
            (await target.LoadAsync(table, null, RowStreams.From(rows), null, None)).ShouldBe(3);
        }

        await using var restored = await SourceFactory.Create("sqlite", spare).OpenSnapshotAsync(SourceSelection.All, None);
        var restoredTable = restored.Table("simple");
        restoredTable.Columns.Select(c => $"{c.Name} {c.SourceType} {c.Kind}").ShouldBe(
        [
            "id INTEGER Int64", "small INTEGER Int64", "big INTEGER Int64", "r REAL Float64", "d REAL Float64", "amount NUMERIC(12,2) Decimal",
            "label TEXT Text", "body TEXT Text", "code TEXT Text", "raw BLOB Binary", "flag BOOLEAN Boolean", "day DATE Text",
            "at_time TIME Text", "at TIMESTAMP Text", "at_tz TIMESTAMPTZ Text", "uid TEXT Text", "doc TEXT Text",
        ]);
        restoredTable.PrimaryKey.ShouldBe(["id"]);
        restoredTable.UniqueConstraints.ShouldHaveSingleItem().ShouldBe(["big"]);
        restoredTable.Columns.Single(c => c.Name == "big").IsNullable.ShouldBeFalse();
        (await restored.ReadAllAsync("simple")).ShouldBeExactly(
        [
            [1L, -32768L, long.MaxValue, (double)0.1f, 0.1, "-12.3", "héllo", "line\nbreak", "ab  ", new byte[] { 0, 0xff, 0 }, true, "2024-02-29",
             "23:59:59.999999", "2024-02-29 12:34:56.123456", "2024-02-29 07:04:56.5Z", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "{\"a\": [1, 2]}"],
            [2L, null, -1L, double.NegativeInfinity, double.MaxValue, "99999999.99", "", "", null, Array.Empty<byte>(), false, "0001-01-01",
             "00:00:00", "0001-01-01 00:00:00", "1970-01-01 00:00:00Z", "00000000-0000-0000-0000-000000000000", "null"],
            [3L, null, 0L, null, null, null, null, null, null, null, null, null, null, null, null, null, null],
        ], restoredTable.Columns.Select(c => c.Name).ToList());
    }

    [PostgresFact]
    public async Task Postgres_values_sqlite_cannot_hold_exactly_are_refused_and_leave_the_table_as_it_was()
    {
        var table = new TableSchema("public", "measures",
            [new("id", "integer", ColumnKind.Int32, false), new("amount", "numeric", ColumnKind.Decimal, true), new("ratio", "double precision", ColumnKind.Float64, true)],
            ["id"], []);
        var spare = directory.File("spare.db");
        await using var target = await TargetFactory.OpenAsync("sqlite", spare, "postgres", None);
        await target.CreateTableAsync(table, null, None);
        await target.LoadAsync(table, null, RowStreams.From([[1, "12345678901234.5", 1.5], [2, "9223372036854775807", -0.5]]), null, None);

        (object?[] Row, string Column, string Problem)[] refused =
        [
            ([3, "1234567890123456789012345678901234567890.0123456789", null], "amount", "cannot be stored exactly in SQLite"),
            ([3, "NaN", null], "amount", "NaN cannot be stored in SQLite"),
            ([3, "0.1", double.NaN], "ratio", "NaN cannot be stored in SQLite"),
            ([3, "0.1", -0.0], "ratio", "-0 would be stored as 0"),
        ];
        foreach (var (row, column, problem) in refused)
        {
            var error = await Should.ThrowAsync<TargetLoadException>(() => target.LoadAsync(table, null, RowStreams.From([[4, "1", 1.0], row]), null, None));
            error.Column.ShouldBe(column);
            error.Row.ShouldBe(2);
            error.Message.ShouldContain(problem);
        }

        var (_, after) = await ReadSqliteAsync(spare, "measures");
        after.ShouldBeExactly([[1L, "12345678901234.5", 1.5], [2L, "9223372036854775807", -0.5]], ["id", "amount", "ratio"]);
    }

    [PostgresFact]
    public async Task Dialect_specific_postgres_types_are_refused_by_a_sqlite_target_naming_column_and_type()
    {
        var table = new TableSchema("public", "events",
            [new("id", "integer", ColumnKind.Int32, false), new("span", "interval", ColumnKind.DialectText, true), new("tags", "text[]", ColumnKind.DialectText, true)],
            ["id"], []);
        await using var target = await TargetFactory.OpenAsync("sqlite", directory.File("spare.db"), "postgres", None);

        var error = await Should.ThrowAsync<TargetSchemaException>(() => target.CreateTableAsync(table, null, None));

        error.Problems.ShouldBe(
        [
            "table events: column span has the postgres-specific type interval, which cannot be restored into sqlite",
            "table events: column tags has the postgres-specific type text[], which cannot be restored into sqlite",
        ]);
        target.TargetType(table, table.Columns[1]).ShouldBeNull();
        (await target.InspectAsync(null, "events", None)).Exists.ShouldBeFalse();
    }

    private static async Task<(TableSchema Table, List<object?[]> Rows)> ReadSqliteAsync(string path, string table)
    {
        await using var session = await SourceFactory.Create("sqlite", path).OpenSnapshotAsync(SourceSelection.All, None);
        return (session.Table(table), await session.ReadAllAsync(table));
    }

    public void Dispose() => directory.Dispose();
}
