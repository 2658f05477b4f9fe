using Backups.Domain.Schema;
using Backups.Sources.Targets;
using Backups.Sources.Tests.Support;
using Backups.Sources.Tests.Targets.Support;
using Backups.TestFixtures.AllTypes;
using Backups.TestFixtures.Postgres;

namespace Backups.Sources.Tests.Targets;

/// <summary>Bulk loads of column batches into a real PostgreSQL target.</summary>
public sealed class PostgresBatchLoadTests(PostgresDatabase db) : IClassFixture<PostgresDatabase>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private SpareDatabase Source => new(db.ConnectionString);

    private async Task<SpareDatabase> NewSpareAsync() => new(await db.Server.CreateDatabaseAsync("backups_batches"));

    [PostgresFact]
    public async Task Every_kind_but_dialect_text_comes_back_exactly_through_a_bulk_load()
    {
        var (full, fullRows) = await Source.ReadAsync("public", AllTypesFixture.TableName);
        var table = full.Without(ColumnKind.DialectText);
        var rows = fullRows.Select(r => r.Project(full, table)).ToList();
        var spare = await NewSpareAsync();
        await spare.ExecuteAsync(PostgresTargetRoundTripTests.AllTypesSupport);

        await using (var target = await spare.OpenAsync())
        {
            var bulk = (IBatchTargetSession)target;
            bulk.CanLoadBatches(table).ShouldBeTrue();
            bulk.CanLoadBatches(full).ShouldBeFalse("dialect text has no binary form to write by kind");
            await bulk.CreateTableForLoadAsync(table, "bulk", None);
            (await bulk.LoadBatchesAsync(table, "bulk", ColumnarRows.Batches(table, rows, 3), LoadMode.Append, null, None)).ShouldBe(rows.Count);
        }

        var (restoredTable, restored) = await spare.ReadAsync("bulk", AllTypesFixture.TableName);
        restoredTable.ShouldDescribeTheSameTableAs(table with { Schema = "bulk" });
        restored.ShouldBeExactly(rows, table.Columns.Select(c => c.Name).ToList());
    }

    [PostgresFact]
    public async Task Decimals_keep_every_digit_the_scale_and_the_special_values_through_a_bulk_load()
    {
        string[] values = ["0", "0.000", "-0.000", "10000", "0.00001234", "-12.3400", "1234567890123456789012345678901234567890.0123456789", "1e-7", "NaN", "Infinity", "-Infinity", ".5"];
        var table = new TableSchema("public", "decimals", [new("id", "integer", ColumnKind.Int32, false), new("v", "numeric", ColumnKind.Decimal, true)], ["id"], []);
        var spare = await NewSpareAsync();
        await using (var target = await spare.OpenAsync())
        {
            var bulk = (IBatchTargetSession)target;
            await bulk.CreateTableForLoadAsync(table, null, None);
            var rows = values.Select((v, i) => new object?[] { i, v }).Append([values.Length, null]);
            await bulk.LoadBatchesAsync(table, null, ColumnarRows.Batches(table, rows, 5), LoadMode.Append, null, None);
        }

        for (var i = 0; i < values.Length; i++)
        {
            var stored = await spare.ScalarAsync<string>($"SELECT v::text FROM decimals WHERE id = {i}");
            stored.ShouldBe(await spare.ScalarAsync<string>($"SELECT '{values[i]}'::numeric::text"), values[i]);
        }

        (await spare.ScalarAsync<bool>($"SELECT v IS NULL FROM decimals WHERE id = {values.Length}")).ShouldBeTrue();
    }

    [PostgresFact]
    public async Task A_table_created_for_a_load_gets_its_keys_once_the_rows_are_in()
    {
        var table = new TableSchema("public", "keyed", [new("id", "integer", ColumnKind.Int32, false), new("code", "text", ColumnKind.Text, false)], ["id"], [["code"]]);
        var spare = await NewSpareAsync();
        await using var target = await spare.OpenAsync();
        var bulk = (IBatchTargetSession)target;

        await bulk.CreateTableForLoadAsync(table, null, None);
        (await spare.ScalarAsync<long>("SELECT count(*) FROM pg_constraint WHERE conrelid = 'public.keyed'::regclass")).ShouldBe(0);
        await bulk.LoadBatchesAsync(table, null, ColumnarRows.Batches(table, Enumerable.Range(1, 5000).Select(i => new object?[] { i, $"c{i}" }), 1000), LoadMode.Append, null, None);

        (await spare.ScalarAsync<string>("SELECT string_agg(contype::text, ',' ORDER BY contype) FROM pg_constraint WHERE conrelid = 'public.keyed'::regclass")).ShouldBe("p,u");
        (await spare.ScalarAsync<long>("SELECT count(*) FROM keyed")).ShouldBe(5000);
    }

    [PostgresFact]
    public async Task A_failed_first_load_rolls_back_and_leaves_the_created_table_empty_with_its_keys()
    {
        var table = new TableSchema("public", "refused", [new("id", "integer", ColumnKind.Int32, false), new("v", "numeric", ColumnKind.Decimal, true)], ["id"], []);
        var spare = await NewSpareAsync();
        await using var target = await spare.OpenAsync();
        var bulk = (IBatchTargetSession)target;
        await bulk.CreateTableForLoadAsync(table, null, None);
        var rows = Enumerable.Range(1, 3000).Select(i => new object?[] { i, i == 2500 ? "not a number" : "1.5" });

        var error = await Should.ThrowAsync<TargetLoadException>(() => bulk.LoadBatchesAsync(table, null, ColumnarRows.Batches(table, rows, 1000), LoadMode.Append, null, None));

        error.Message.ShouldContain("'not a number' is not a decimal number");
        error.Row.ShouldBe(2500);
        (await spare.ScalarAsync<long>("SELECT count(*) FROM refused")).ShouldBe(0);
        (await spare.ScalarAsync<string>("SELECT string_agg(contype::text, ',') FROM pg_constraint WHERE conrelid = 'public.refused'::regclass")).ShouldBe("p");
    }
}
