using Backups.Domain.Schema;
using Backups.Sources.Targets;
using Backups.Sources.Targets.Postgres;
using Backups.Sources.Tests.Support;
using Backups.Sources.Tests.Targets.Support;
using Backups.TestFixtures.AllTypes;
using Backups.TestFixtures.Postgres;
using Backups.TestFixtures.Vacols;

namespace Backups.Sources.Tests.Targets;

/// <summary>PostgreSQL snapshot → PostgreSQL target, through the real read side and the real server.</summary>
public sealed class PostgresTargetRoundTripTests(PostgresDatabase db) : IClassFixture<PostgresDatabase>
{
    internal const string AllTypesSupport = """
        CREATE TYPE all_types_mood AS ENUM ('sad', 'happy');
        CREATE DOMAIN all_types_amount AS numeric(7,2) CHECK (VALUE >= 0);
        CREATE DOMAIN all_types_code AS char(3);
        """;

    private static readonly CancellationToken None = CancellationToken.None;

    private SpareDatabase Source => new(db.ConnectionString);

    private async Task<SpareDatabase> NewSpareAsync() => new(await db.Server.CreateDatabaseAsync("backups_targets"));

    [PostgresFact]
    public async Task Every_type_of_the_all_types_table_comes_back_exactly_through_a_text_copy()
    {
        var (table, rows) = await Source.ReadAsync("public", AllTypesFixture.TableName);
        var spare = await NewSpareAsync();
        await spare.ExecuteAsync(AllTypesSupport);

        await using (var target = await spare.OpenAsync())
        {
            new PgTableLoader(null!, table, "public", c => c.SourceType).Binary.ShouldBeFalse();
            await target.CreateTableAsync(table, null, None);
            (await target.LoadAsync(table, null, RowStreams.From(rows), null, None)).ShouldBe(rows.Count);
        }

        var (restoredTable, restored) = await spare.ReadAsync("public", AllTypesFixture.TableName);
        restoredTable.ShouldDescribeTheSameTableAs(table);
        var names = table.Columns.Select(c => c.Name).ToList();
        restored.ShouldBeExactly(rows, names);
        restored.ShouldBeExactly(AllTypesFixture.ExpectedRows(AllTypesFixture.PostgresColumns, idIsInt64: false), names);
        (await spare.ChecksumAsync("public.all_types")).ShouldBe(await Source.ChecksumAsync("public.all_types"));
    }

    [PostgresFact]
    public async Task Every_kind_but_dialect_text_comes_back_exactly_through_a_binary_copy()
    {
        var (full, fullRows) = await Source.ReadAsync("public", AllTypesFixture.TableName);
        var table = full.Without(ColumnKind.DialectText);
        var rows = fullRows.Select(r => r.Project(full, table)).ToList();
        table.Columns.Select(c => c.Kind).Distinct().Count().ShouldBe(Enum.GetValues<ColumnKind>().Length - 1);
        var spare = await NewSpareAsync();
        await spare.ExecuteAsync(AllTypesSupport);

        await using (var target = await spare.OpenAsync())
        {
            new PgTableLoader(null!, table, "copied", c => c.SourceType).Binary.ShouldBeTrue();
            await target.CreateTableAsync(table, "copied", None);
            (await target.LoadAsync(table, "copied", RowStreams.From(rows), null, None)).ShouldBe(rows.Count);
        }

        var (restoredTable, restored) = await spare.ReadAsync("copied", AllTypesFixture.TableName);
        restoredTable.ShouldDescribeTheSameTableAs(table with { Schema = "copied" });
        restored.ShouldBeExactly(rows, table.Columns.Select(c => c.Name).ToList());
    }

    [PostgresFact]
    public async Task Every_VACOLS_table_comes_back_with_the_same_rows_and_checksum()
    {
        var spare = await NewSpareAsync();
        await using var snapshot = await db.Source().OpenSnapshotAsync(new SourceSelection("vacols", [], []), None);
        await using (var target = await spare.OpenAsync())
        {
            foreach (var table in snapshot.Tables)
            {
                await target.CreateTableAsync(table, null, None);
                var loaded = await target.LoadAsync(table, null, snapshot.ReadRowsAsync(table, None), null, None);
                loaded.ShouldBe(VacolsFixture.Table(table.Name).Rows.Count, table.Name);
            }
        }

        snapshot.Tables.Count.ShouldBe(VacolsFixture.Tables.Count);
        await using var restored = await spare.Source().OpenSnapshotAsync(new SourceSelection("vacols", [], []), None);
        foreach (var table in snapshot.Tables)
        {
            restored.Table(table.Name).ShouldDescribeTheSameTableAs(table);
            (await spare.ChecksumAsync($"vacols.{table.Name}")).ShouldBe(await Source.ChecksumAsync($"vacols.{table.Name}"), table.Name);
        }
    }

    [PostgresFact]
    public async Task Decimals_keep_every_digit_the_scale_and_the_special_values_through_binary_copy()
    {
        string[] values =
        [
            "0", "0.000", "-0.000", "1", "-1", "9999", "10000", "10001", "0.0001", "0.00001234", "123.4500", "-12.3400",
            "1234567890123456789012345678901234567890.0123456789", "-99999999999999999999.99999", "1e-7", "2.5E+3",
            "100000000000000000000", "0.1", "NaN", "Infinity", "-Infinity", "+42", ".5", "5.",
        ];
        var table = new TableSchema("public", "decimals", [new("id", "integer", ColumnKind.Int32, false), new("v", "numeric", ColumnKind.Decimal, true)], ["id"], []);
        var spare = await NewSpareAsync();
        await using (var target = await spare.OpenAsync())
        {
            await target.CreateTableAsync(table, null, None);
            await target.LoadAsync(table, null, RowStreams.From(values.Select((v, i) => new object?[] { i, v })), null, None);
        }

        for (var i = 0; i < values.Length; i++)
        {
            var stored = await spare.ScalarAsync<string>($"SELECT v::text FROM decimals WHERE id = {i}");
            stored.ShouldBe(await spare.ScalarAsync<string>($"SELECT '{values[i]}'::numeric::text"), values[i]);
        }
    }

    [PostgresFact]
    public async Task A_target_with_types_of_its_own_missing_is_refused_naming_each_column_and_type()
    {
        var (table, _) = await Source.ReadAsync("public", AllTypesFixture.TableName);
        var spare = await NewSpareAsync();
        await using var target = await spare.OpenAsync();

        var error = await Should.ThrowAsync<TargetSchemaException>(() => target.CreateTableAsync(table, null, None));

        error.Problems.Count.ShouldBe(3);
        error.Message.ShouldContain("column c_enum has type all_types_mood, which does not exist in the target database");
        error.Message.ShouldContain("column c_amount has type all_types_amount");
        error.Message.ShouldContain("column c_code has type all_types_code");
        (await target.InspectAsync("public", AllTypesFixture.TableName, None)).Exists.ShouldBeFalse();
    }

    [PostgresFact]
    public async Task The_snapshot_source_is_recognized_and_another_database_on_the_same_server_is_not()
    {
        await using var snapshot = await db.Source().OpenSnapshotAsync(new SourceSelection("vacols", ["staff"], []), None);
        var spare = await NewSpareAsync();

        await using var sameDatabase = await new SpareDatabase(db.ConnectionString).OpenAsync();
        await using var otherDatabase = await spare.OpenAsync();

        sameDatabase.Identity.ShouldBe(snapshot.Identity);
        sameDatabase.Identity.SystemIdentifier.ShouldNotBeNullOrEmpty();
        TargetIdentityGuard.IsSameDatabase(snapshot.Identity, sameDatabase.Identity).ShouldBeTrue();
        TargetIdentityGuard.IsSameDatabase(snapshot.Identity, otherDatabase.Identity).ShouldBeFalse();
        otherDatabase.Identity.SystemIdentifier.ShouldBe(snapshot.Identity.SystemIdentifier);
    }
}
