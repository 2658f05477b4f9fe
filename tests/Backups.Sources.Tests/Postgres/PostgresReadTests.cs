using Backups.Sources.Tests.Support;
using Backups.TestFixtures.AllTypes;
using Backups.TestFixtures.Postgres;
using Backups.TestFixtures.Vacols;

namespace Backups.Sources.Tests.Postgres;

public sealed class PostgresReadTests(PostgresDatabase db) : IClassFixture<PostgresDatabase>
{
    [PostgresFact]
    public async Task Every_supported_type_reads_back_as_exactly_the_canonical_clr_value()
    {
        await using var session = await db.Source().OpenSnapshotAsync(new SourceSelection(null, [AllTypesFixture.TableName], []), CancellationToken.None);

        var rows = await session.ReadAllAsync(AllTypesFixture.TableName);

        var names = new[] { "id" }.Concat(AllTypesFixture.PostgresColumns.Select(c => c.Name)).ToList();
        rows.ShouldBeExactly(AllTypesFixture.ExpectedRows(AllTypesFixture.PostgresColumns, idIsInt64: false), names);
    }

    [PostgresFact]
    public async Task Every_VACOLS_table_reads_back_exactly_its_sample_rows()
    {
        await using var session = await db.Source().OpenSnapshotAsync(new SourceSelection("vacols", [], []), CancellationToken.None);

        foreach (var table in VacolsFixture.Tables)
        {
            var rows = await session.ReadAllAsync(table.Name);
            rows.Count.ShouldBe(table.Rows.Count, table.Name);
            VacolsRows.Actual(table, rows).ShouldBe(VacolsRows.Expected(table), table.Name);
        }
    }

    [PostgresFact]
    public async Task Rows_come_in_primary_key_order()
    {
        await using var session = await db.Source().OpenSnapshotAsync(new SourceSelection("vacols", ["brieff", "tbsched"], []), CancellationToken.None);

        var keys = (await session.ReadAllAsync("brieff")).Select(r => (string)r[0]!).ToList();
        keys.ShouldBe(keys.Order(StringComparer.Ordinal).ToList());
        var schedule = (await session.ReadAllAsync("tbsched"))
            .Select(r => ((string)r[0]!, decimal.Parse((string)r[1]!, System.Globalization.CultureInfo.InvariantCulture), decimal.Parse((string)r[2]!, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        schedule.ShouldBe(schedule.OrderBy(k => k.Item1, StringComparer.Ordinal).ThenBy(k => k.Item2).ThenBy(k => k.Item3).ToList());
    }

    [PostgresFact]
    public async Task Row_estimates_come_from_the_planner_statistics()
    {
        await using var session = await db.Source().OpenSnapshotAsync(new SourceSelection("vacols", ["staff"], []), CancellationToken.None);

        session.EstimateRows(session.Table("staff")).ShouldBe(VacolsFixture.Table("staff").Rows.Count);
    }

    [PostgresFact]
    public async Task Infinite_and_out_of_range_dates_and_times_are_refused_naming_table_column_and_row()
    {
        await db.ExecuteAsync("""
            CREATE SCHEMA ranges;
            CREATE TABLE ranges.stamps (id int PRIMARY KEY, at timestamp);
            INSERT INTO ranges.stamps VALUES (1, '2020-01-01'), (2, 'infinity');
            CREATE TABLE ranges.days (d date);
            INSERT INTO ranges.days VALUES ('0044-03-15 BC');
            CREATE TABLE ranges.clock (id int PRIMARY KEY, t time, tz timestamptz);
            INSERT INTO ranges.clock VALUES (1, '24:00:00', now());
            """);
        await using var session = await db.Source().OpenSnapshotAsync(new SourceSelection("ranges", [], []), CancellationToken.None);

        var stamps = await Should.ThrowAsync<SourceValueException>(() => session.ReadAllAsync("stamps"));
        (stamps.Table, stamps.Column, stamps.Row).ShouldBe(("ranges.stamps", "at", "key (2)"));
        stamps.Message.ShouldContain("infinity");
        var days = await Should.ThrowAsync<SourceValueException>(() => session.ReadAllAsync("days"));
        (days.Column, days.Row).ShouldBe(("d", "ctid (0,1)"));
        days.Message.ShouldContain("BC");
        var clock = await Should.ThrowAsync<SourceValueException>(() => session.ReadAllAsync("clock"));
        (clock.Column, clock.Row).ShouldBe(("t", "key (1)"));
    }

    [PostgresFact]
    public async Task Parallel_readers_are_limited_to_the_configured_number_and_all_finish()
    {
        await using var session = await db.Source(new SourceOptions { MaxParallelReaders = 2 })
            .OpenSnapshotAsync(new SourceSelection("vacols", [], []), CancellationToken.None);

        session.MaxParallelReaders.ShouldBe(2);
        var counts = await Task.WhenAll(session.Tables.Select(async t => (t.Name, (await session.ReadAllAsync(t.Name)).Count)));

        counts.ShouldBe(VacolsFixture.Tables.Select(t => (t.Name, t.Rows.Count)).OrderBy(t => t.Name, StringComparer.Ordinal).ToArray());
    }

    [PostgresFact]
    public async Task An_abandoned_or_cancelled_read_leaves_the_snapshot_usable_for_the_next_table()
    {
        await using var session = await db.Source(new SourceOptions { MaxParallelReaders = 1 })
            .OpenSnapshotAsync(new SourceSelection("vacols", ["staff", "rep"], []), CancellationToken.None);

        await foreach (var _ in session.ReadRowsAsync(session.Table("staff"), CancellationToken.None))
        {
            break;
        }

        using var cancel = new CancellationTokenSource();
        var read = 0;
        await Should.ThrowAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in session.ReadRowsAsync(session.Table("staff"), cancel.Token))
            {
                if (++read == 10)
                {
                    await cancel.CancelAsync();
                }
            }
        });

        session.MaxParallelReaders.ShouldBe(1);
        (await session.ReadAllAsync("rep")).Count.ShouldBe(VacolsFixture.Table("rep").Rows.Count);
        (await session.ReadAllAsync("staff")).Count.ShouldBe(VacolsFixture.Table("staff").Rows.Count);
    }

    [PostgresFact]
    public async Task A_table_from_another_snapshot_is_rejected()
    {
        await using var session = await db.Source().OpenSnapshotAsync(new SourceSelection("vacols", ["rep"], []), CancellationToken.None);
        var foreign = session.Table("rep") with { Name = "not_there" };

        Should.Throw<ArgumentException>(() => session.ReadRowsAsync(foreign, CancellationToken.None));
    }
}
