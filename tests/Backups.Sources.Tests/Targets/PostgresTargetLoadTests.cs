using Backups.Domain.Schema;
using Backups.Sources.Targets;
using Backups.Sources.Tests.Support;
using Backups.Sources.Tests.Targets.Support;
using Backups.TestFixtures.Postgres;
using Backups.TestFixtures.Vacols;

namespace Backups.Sources.Tests.Targets;

/// <summary>Existing tables, refused rows and failing sources on a PostgreSQL target.</summary>
public sealed class PostgresTargetLoadTests(PostgresDatabase db) : IClassFixture<PostgresDatabase>
{
    private static readonly CancellationToken None = CancellationToken.None;

    // Binary COPY (no dialect text) and text COPY (an int[] column) must both leave a failed table untouched.
    private static readonly TableSchema[] Accounts =
    [
        new("ledger", "accounts",
            [new("id", "integer", ColumnKind.Int32, false), new("Name", "text", ColumnKind.Text, false), new("balance", "numeric(12,2)", ColumnKind.Decimal, true, 12, 2)],
            ["id"], [["Name"]]),
        new("ledger", "tagged_accounts",
            [new("id", "integer", ColumnKind.Int32, false), new("Name", "text", ColumnKind.Text, false), new("tags", "integer[]", ColumnKind.DialectText, true)],
            ["id"], []),
    ];

    private static object?[] Account(TableSchema table, int id, string? name) =>
        [id, name, table.Columns[2].Kind == ColumnKind.Decimal ? $"{id}.50" : $"{{{id},NULL}}"];

    private async Task<SpareDatabase> NewSpareAsync() => new(await db.Server.CreateDatabaseAsync("backups_targets"));

    [PostgresFact]
    public async Task A_row_refused_mid_load_leaves_the_table_as_it_was_in_append_and_replace_mode()
    {
        var spare = await NewSpareAsync();
        await using var target = await spare.OpenAsync();
        foreach (var table in Accounts)
        {
            var name = $"ledger.{table.Name}";
            await target.CreateTableAsync(table, null, None);
            await target.LoadAsync(table, null, RowStreams.From([Account(table, 1, "a"), Account(table, 2, "b")]), null, None);
            var before = await spare.ChecksumAsync(name);

            foreach (var mode in new[] { LoadMode.Append, LoadMode.Replace })
            {
                var rows = RowStreams.From([Account(table, 3, "c"), Account(table, 4, "d"), Account(table, 5, null), Account(table, 6, "f")]);

                var error = await Should.ThrowAsync<TargetLoadException>(() => target.LoadAsync(table, null, rows, mode, null, None));

                error.Table.ShouldBe(name);
                error.Column.ShouldBe("Name");
                error.Row.ShouldBe(3);
                error.Message.ShouldContain("not-null");
                error.Message.ShouldContain("The table is unchanged.");
                (await spare.ChecksumAsync(name)).ShouldBe(before, $"{table.Name} {mode}");
            }

            var duplicate = RowStreams.From([Account(table, 7, "g"), Account(table, 1, "again")]);
            await Should.ThrowAsync<TargetLoadException>(() => target.LoadAsync(table, null, duplicate, LoadMode.Append, null, None));
            (await spare.ChecksumAsync(name)).ShouldBe(before, $"{table.Name} duplicate key");
        }
    }

    [PostgresFact]
    public async Task A_source_failing_mid_load_or_a_value_breaking_the_row_contract_leaves_the_table_as_it_was()
    {
        var spare = await NewSpareAsync();
        await using var target = await spare.OpenAsync();
        foreach (var table in Accounts)
        {
            var name = $"ledger.{table.Name}";
            await target.CreateTableAsync(table, null, None);
            await target.LoadAsync(table, null, RowStreams.From([Account(table, 1, "a")]), null, None);
            var before = await spare.ChecksumAsync(name);
            var broken = new SourceValueException(table.Name, "Name", "key (3)", "stored value does not fit");

            var failed = RowStreams.ThenFail([Account(table, 2, "b"), Account(table, 3, "c")], broken);
            (await Should.ThrowAsync<SourceValueException>(() => target.LoadAsync(table, null, failed, LoadMode.Replace, null, None))).ShouldBeSameAs(broken);
            (await spare.ChecksumAsync(name)).ShouldBe(before);

            var wrongType = RowStreams.From([Account(table, 2, "b"), [3L, "c", null]]);
            var error = await Should.ThrowAsync<TargetLoadException>(() => target.LoadAsync(table, null, wrongType, null, None));
            error.Column.ShouldBe("id");
            error.Row.ShouldBe(2);
            error.Message.ShouldContain("Int64 value does not follow the row contract of kind Int32");
            (await spare.ChecksumAsync(name)).ShouldBe(before);

            using var cancel = new CancellationTokenSource();
            var progress = new CancelAfterFirstReport(cancel);
            var many = RowStreams.Generate(50_000, i => Account(table, (int)i + 100, "n" + i));
            await Should.ThrowAsync<OperationCanceledException>(() => target.LoadAsync(table, null, many, progress, cancel.Token));
            (await spare.ChecksumAsync(name)).ShouldBe(before);
        }
    }

    [PostgresFact]
    public async Task Replace_mode_swaps_the_rows_and_progress_counts_up_to_the_rows_loaded()
    {
        var spare = await NewSpareAsync();
        await using var target = await spare.OpenAsync();
        var table = Accounts[0];
        await target.CreateTableAsync(table, "other", None);
        await target.LoadAsync(table, "other", RowStreams.From([Account(table, 1, "old")]), null, None);
        var progress = new SyncProgress();

        var loaded = await target.LoadAsync(table, "other", RowStreams.Generate(25_000, i => Account(table, (int)i, "new" + i)), LoadMode.Replace, progress, None);

        loaded.ShouldBe(25_000);
        progress.Reports.ShouldBe([10_000, 20_000, 25_000]);
        (await spare.ScalarAsync<long>("SELECT count(*) FROM other.accounts WHERE \"Name\" LIKE 'new%'")).ShouldBe(25_000);
        (await spare.ScalarAsync<long>("SELECT count(*) FROM other.accounts")).ShouldBe(25_000);
        await target.TruncateAsync("other", "accounts", None);
        (await spare.ScalarAsync<long>("SELECT count(*) FROM other.accounts")).ShouldBe(0);
    }

    [PostgresFact]
    public async Task An_incompatible_existing_table_is_reported_column_by_column_with_both_types()
    {
        var spare = await NewSpareAsync();
        var brieff = VacolsFixture.Table("brieff");
        await spare.ExecuteAsync($"""
            CREATE SCHEMA vacols;
            {VacolsFixture.PostgresDdl(brieff)};
            ALTER TABLE vacols.brieff ALTER COLUMN bfso TYPE integer USING NULL;
            ALTER TABLE vacols.brieff ALTER COLUMN bfcorlid SET NOT NULL;
            ALTER TABLE vacols.brieff RENAME COLUMN bfddec TO "BFDDEC";
            ALTER TABLE vacols.brieff ADD COLUMN restored_by text NOT NULL;
            ALTER TABLE vacols.brieff ADD COLUMN restored_at timestamptz NOT NULL DEFAULT now();
            """);
        await using var snapshot = await db.Source().OpenSnapshotAsync(new SourceSelection("vacols", ["brieff"], []), None);
        var table = snapshot.Table("brieff");
        await using var target = await spare.OpenAsync();

        var state = await target.InspectAsync("vacols", "brieff", None);
        var problems = target.CheckCompatible(table, state);

        state.Exists.ShouldBeTrue();
        state.Columns.Single(c => c.Name == "bfso").ShouldBe(new TargetColumn("bfso", "integer", true, false, false));
        problems.ShouldBe(
        [
            "table vacols.brieff: column bfcorlid allows NULL in the snapshot but is NOT NULL in the target",
            "table vacols.brieff: column bfddec (timestamp without time zone in the snapshot) is missing in the target (it has BFDDEC; names must match exactly)",
            "table vacols.brieff: column bfso is character varying(1) in the snapshot but integer in the target",
            "table vacols.brieff: column restored_by (text) exists only in the target and is NOT NULL without a default, so the snapshot's rows cannot fill it",
        ], ignoreOrder: true);
        var error = await Should.ThrowAsync<TargetSchemaException>(() => target.LoadAsync(table, null, snapshot.ReadRowsAsync(table, None), null, None));
        error.Problems.ShouldBe(problems);
        (await spare.ScalarAsync<long>("SELECT count(*) FROM vacols.brieff")).ShouldBe(0);
    }

    [PostgresFact]
    public async Task A_missing_table_is_reported_and_an_existing_one_is_not_created_again()
    {
        var spare = await NewSpareAsync();
        await using var target = await spare.OpenAsync();
        var table = Accounts[0];

        target.CheckCompatible(table, await target.InspectAsync("ledger", "accounts", None)).ShouldBe(["table ledger.accounts does not exist in the target"]);
        (await Should.ThrowAsync<TargetSchemaException>(() => target.LoadAsync(table, null, RowStreams.From([]), null, None)))
            .Message.ShouldContain("does not exist in the target");

        await target.CreateTableAsync(table, null, None);
        target.CheckCompatible(table, await target.InspectAsync("ledger", "accounts", None)).ShouldBeEmpty();
        (await Should.ThrowAsync<TargetSchemaException>(() => target.CreateTableAsync(table, null, None))).Message.ShouldContain("already exists");
    }

    /// <summary>Cancels the load at its first progress report, i.e. after 10,000 rows went out.</summary>
    private sealed class CancelAfterFirstReport(CancellationTokenSource cancel) : IProgress<long>
    {
        public void Report(long value) => cancel.Cancel();
    }
}
