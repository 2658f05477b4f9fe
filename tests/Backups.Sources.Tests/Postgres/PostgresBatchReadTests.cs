using Backups.Domain.Schema;
using Backups.Sources.Tests.Support;
using Backups.TestFixtures.AllTypes;
using Backups.TestFixtures.Postgres;
using Backups.TestFixtures.Vacols;

namespace Backups.Sources.Tests.Postgres;

public sealed class PostgresBatchReadTests(PostgresDatabase db) : IClassFixture<PostgresDatabase>
{
    [PostgresFact]
    public async Task The_batch_reader_gives_every_supported_type_exactly_as_the_row_reader()
    {
        await using var session = await db.Source().OpenSnapshotAsync(new SourceSelection(null, [AllTypesFixture.TableName], []), CancellationToken.None);

        var batches = await session.ReadBatchesAsync(AllTypesFixture.TableName, batchRows: 2);

        var names = new[] { "id" }.Concat(AllTypesFixture.PostgresColumns.Select(c => c.Name)).ToList();
        batches.ShouldBeExactly(await session.ReadAllAsync(AllTypesFixture.TableName), names);
        batches.ShouldBeExactly(AllTypesFixture.ExpectedRows(AllTypesFixture.PostgresColumns, idIsInt64: false), names);
    }

    [PostgresFact]
    public async Task The_batch_reader_gives_every_VACOLS_table_in_key_order_across_batch_boundaries()
    {
        await using var session = await db.Source().OpenSnapshotAsync(new SourceSelection("vacols", [], []), CancellationToken.None);

        foreach (var table in VacolsFixture.Tables)
        {
            var batches = await session.ReadBatchesAsync(table.Name, batchRows: 7);
            batches.Count.ShouldBe(table.Rows.Count, table.Name);
            VacolsRows.Actual(table, batches).ShouldBe(VacolsRows.Expected(table), table.Name);
            batches.ShouldBeExactly(await session.ReadAllAsync(table.Name), [.. session.Table(table.Name).Columns.Select(c => c.Name)]);
        }
    }

    [PostgresFact]
    public async Task Rows_larger_than_the_read_buffer_and_rows_split_across_reads_come_through_whole()
    {
        await db.ExecuteAsync("""
            CREATE SCHEMA big;
            CREATE TABLE big.blobs (id int PRIMARY KEY, note text, payload bytea);
            INSERT INTO big.blobs SELECT g, repeat('é', g % 300), decode(repeat(to_hex(g % 16), 2 * (g % 977)), 'hex') FROM generate_series(1, 20000) g;
            INSERT INTO big.blobs VALUES (20001, 'large', decode(repeat('ab', 3 * 1024 * 1024), 'hex'));
            """);
        await using var session = await db.Source().OpenSnapshotAsync(new SourceSelection("big", [], []), CancellationToken.None);

        var batches = await session.ReadBatchesAsync("blobs", batchRows: 4096);

        batches.Count.ShouldBe(20001);
        ((byte[])batches[^1][2]!).Length.ShouldBe(3 * 1024 * 1024);
        batches.ShouldBeExactly(await session.ReadAllAsync("blobs"), ["id", "note", "payload"]);
    }

    [PostgresFact]
    public async Task Out_of_range_values_are_refused_by_the_batch_reader_naming_table_column_and_row()
    {
        await db.ExecuteAsync("""
            CREATE SCHEMA batch_ranges;
            CREATE TABLE batch_ranges.stamps (id int PRIMARY KEY, at timestamp);
            INSERT INTO batch_ranges.stamps VALUES (1, '2020-01-01'), (2, 'infinity');
            """);
        await using var session = await db.Source().OpenSnapshotAsync(new SourceSelection("batch_ranges", [], []), CancellationToken.None);

        var error = await Should.ThrowAsync<SourceValueException>(() => session.ReadBatchesAsync("stamps"));

        (error.Table, error.Column, error.Row).ShouldBe(("batch_ranges.stamps", "at", "key (2)"));
        error.Message.ShouldContain("infinity");
    }

    [PostgresFact]
    public async Task An_abandoned_batch_read_leaves_the_connection_usable_for_the_next_table()
    {
        await using var session = await db.Source(new SourceOptions { MaxParallelReaders = 1 })
            .OpenSnapshotAsync(new SourceSelection("vacols", ["staff", "rep"], []), CancellationToken.None);
        var staff = session.Table("staff");

        await using (var reader = ((IBatchSourceSession)session).OpenTableReader(staff, null))
        {
            (await reader.ReadAsync(new RecordingBatch(staff, 3), CancellationToken.None)).ShouldBe(3);
        }

        (await session.ReadBatchesAsync("rep")).Count.ShouldBe(VacolsFixture.Table("rep").Rows.Count);
        (await session.ReadBatchesAsync("staff")).Count.ShouldBe(VacolsFixture.Table("staff").Rows.Count);
    }

    [PostgresTheory]
    [InlineData("int_key", "id int PRIMARY KEY, v text", "g, md5(g::text)")]
    [InlineData("text_key", "k text COLLATE \"C\" PRIMARY KEY, v int", "md5(g::text), g")]
    [InlineData("composite_key", "a int, b text, v int, PRIMARY KEY (a, b)", "g % 7, md5(g::text), g")]
    [InlineData("no_key", "v int, w text", "g, repeat('x', g % 50)")]
    public async Task Slices_of_a_table_read_one_after_another_are_the_whole_table_in_order(string name, string columns, string values)
    {
        await db.ExecuteAsync($"""
            CREATE SCHEMA IF NOT EXISTS sliced;
            CREATE TABLE sliced.{name} ({columns});
            INSERT INTO sliced.{name} SELECT {values} FROM generate_series(1, 30000) g;
            ANALYZE sliced.{name};
            """);
        var options = new SourceOptions { MaxParallelReaders = 3, SliceBytes = 64 * 1024 };
        await using var session = await db.Source(options).OpenSnapshotAsync(new SourceSelection("sliced", [name], []), CancellationToken.None);
        var table = session.Table(name);

        var slices = await ((IBatchSourceSession)session).SliceAsync(table, 3, CancellationToken.None);

        slices.Count.ShouldBeInRange(2, 3);
        slices.Select(s => s.Index).ShouldBe(Enumerable.Range(0, slices.Count));
        var parts = await Task.WhenAll(slices.Select(s => session.ReadBatchesAsync(name, s, batchRows: 500)));
        parts.ShouldAllBe(p => p.Count > 0);
        var names = table.Columns.Select(c => c.Name).ToList();
        parts.SelectMany(p => p).ToList().ShouldBeExactly(await session.ReadAllAsync(name), names);
    }

    [PostgresFact]
    public async Task A_table_below_twice_the_slice_size_is_read_whole()
    {
        await using var session = await db.Source(new SourceOptions { SliceBytes = 1024L * 1024 * 1024 })
            .OpenSnapshotAsync(new SourceSelection("vacols", ["staff"], []), CancellationToken.None);

        (await ((IBatchSourceSession)session).SliceAsync(session.Table("staff"), 4, CancellationToken.None)).ShouldBeEmpty();
    }

    [PostgresFact]
    public async Task Slices_read_the_snapshot_not_rows_committed_after_it()
    {
        await db.ExecuteAsync("""
            CREATE SCHEMA later;
            CREATE TABLE later.t (id int PRIMARY KEY, v text);
            INSERT INTO later.t SELECT g, repeat('v', 100) FROM generate_series(1, 20000) g;
            ANALYZE later.t;
            """);
        await using var session = await db.Source(new SourceOptions { MaxParallelReaders = 2, SliceBytes = 64 * 1024 })
            .OpenSnapshotAsync(new SourceSelection("later", [], []), CancellationToken.None);
        await db.ExecuteAsync("INSERT INTO later.t SELECT g, 'new' FROM generate_series(20001, 25000) g; DELETE FROM later.t WHERE id <= 100;");

        var slices = await ((IBatchSourceSession)session).SliceAsync(session.Table("t"), 2, CancellationToken.None);
        var rows = (await Task.WhenAll(slices.Select(s => session.ReadBatchesAsync("t", s)))).SelectMany(r => r).ToList();

        slices.Count.ShouldBe(2);
        rows.Select(r => (int)r[0]!).ShouldBe(Enumerable.Range(1, 20000));
    }
}
