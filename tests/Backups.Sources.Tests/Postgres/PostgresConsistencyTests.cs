using System.Text.RegularExpressions;
using Backups.Sources.Tests.Support;
using Backups.TestFixtures.Postgres;
using Npgsql;

namespace Backups.Sources.Tests.Postgres;

public sealed class PostgresConsistencyTests(PostgresDatabase db) : IClassFixture<PostgresDatabase>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [PostgresFact]
    public async Task Changes_committed_after_the_snapshot_started_are_invisible_to_every_parallel_reader()
    {
        await db.ExecuteAsync("""
            CREATE SCHEMA moving;
            CREATE TABLE moving.a (id int PRIMARY KEY, v int);
            CREATE TABLE moving.b (id int PRIMARY KEY, v int);
            CREATE TABLE moving.c (id int PRIMARY KEY, v int);
            CREATE TABLE moving.d (id int PRIMARY KEY, v int);
            INSERT INTO moving.a SELECT g, g FROM generate_series(1, 5000) g;
            INSERT INTO moving.b SELECT g, g FROM generate_series(1, 5000) g;
            INSERT INTO moving.c SELECT g, g FROM generate_series(1, 5000) g;
            INSERT INTO moving.d SELECT g, g FROM generate_series(1, 5000) g;
            """);
        await using var session = await db.Source(new SourceOptions { MaxParallelReaders = 4 })
            .OpenSnapshotAsync(new SourceSelection("moving", [], []), CancellationToken.None);

        // Two readers are already streaming when the change commits; two start after it.
        var early = new[] { "a", "b" }.Select(t => session.ReadRowsAsync(session.Table(t), CancellationToken.None).GetAsyncEnumerator()).ToList();
        foreach (var reader in early)
        {
            (await reader.MoveNextAsync()).ShouldBeTrue();
        }

        await db.ExecuteAsync("""
            UPDATE moving.a SET v = -v;
            INSERT INTO moving.b SELECT g, g FROM generate_series(5001, 6000) g;
            DELETE FROM moving.c WHERE id > 10;
            DELETE FROM moving.d WHERE id % 2 = 0;
            """);
        (await db.ScalarAsync("SELECT count(*) FROM moving.c")).ShouldBe(10L);

        var late = await Task.WhenAll(new[] { "c", "d" }.Select(t => session.ReadAllAsync(t)));
        var drained = await Task.WhenAll(early.Select(Drain));

        foreach (var rows in drained.Concat(late))
        {
            rows.Select(r => ((int)r[0]!, (int)r[1]!)).ShouldBe(Enumerable.Range(1, 5000).Select(i => (i, i)));
        }
    }

    [PostgresFact]
    public async Task The_incident_rows_keep_their_old_values_in_a_snapshot_taken_before_the_bad_deploy()
    {
        await using var session = await db.Source().OpenSnapshotAsync(new SourceSelection("vacols", ["brieff"], []), CancellationToken.None);
        var before = await db.ScalarAsync("SELECT string_agg(coalesce(bfso, '-'), '' ORDER BY bfkey) FROM vacols.brieff");

        await db.ExecuteAsync("UPDATE vacols.brieff SET bfso = 'Z' WHERE bfkey IN (SELECT bfkey FROM vacols.brieff ORDER BY bfkey LIMIT 18)");

        var rows = await session.ReadAllAsync("brieff");
        var column = session.Table("brieff").Columns.ToList().FindIndex(c => c.Name == "bfso");
        string.Concat(rows.Select(r => (string?)r[column] ?? "-")).ShouldBe((string)before!);
        await db.ExecuteAsync("UPDATE vacols.brieff SET bfso = NULL WHERE bfso = 'Z'");
    }

    [PostgresFact]
    public async Task A_concurrent_drop_waits_for_the_snapshot_to_end()
    {
        await db.ExecuteAsync("CREATE SCHEMA dropping; CREATE TABLE dropping.t AS SELECT g AS id FROM generate_series(1, 100) g;");
        var session = await db.Source().OpenSnapshotAsync(new SourceSelection("dropping", [], []), CancellationToken.None);

        var drop = db.ExecuteAsync("DROP TABLE dropping.t");
        await WaitUntilAsync("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'DROP TABLE dropping.t%'");

        drop.IsCompleted.ShouldBeFalse();
        (await session.ReadAllAsync("t")).Count.ShouldBe(100);
        await session.DisposeAsync();
        await drop.WaitAsync(Patience);
        (await db.ScalarAsync("SELECT to_regclass('dropping.t') IS NULL")).ShouldBe(true);
    }

    [PostgresFact]
    public async Task A_table_dropped_after_the_snapshot_began_but_before_its_lock_is_reported_by_name()
    {
        await db.ExecuteAsync("CREATE SCHEMA vanish; CREATE TABLE vanish.kept (id int); CREATE TABLE vanish.gone (id int);");
        await using var blocker = new NpgsqlConnection(db.ConnectionString);
        await blocker.OpenAsync();
        await Execute(blocker, "BEGIN; LOCK TABLE vanish.gone IN ACCESS EXCLUSIVE MODE");

        var opening = db.Source().OpenSnapshotAsync(new SourceSelection("vanish", [], []), CancellationToken.None);
        await WaitUntilAsync("SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = 'vanish.gone'::regclass");
        await Execute(blocker, "DROP TABLE vanish.gone; COMMIT");

        var error = await Should.ThrowAsync<TableVanishedException>(() => opening.WaitAsync(Patience));
        error.Table.ShouldBe("vanish.gone");
        error.Message.ShouldContain("vanish.gone");
    }

    [PostgresFact]
    public async Task The_session_identifies_the_server_and_the_point_in_time()
    {
        await using var session = await db.Source().OpenSnapshotAsync(new SourceSelection("vacols", ["rep"], []), CancellationToken.None);
        var settings = new NpgsqlConnectionStringBuilder(db.ConnectionString);

        session.Identity.Kind.ShouldBe("postgres");
        session.Identity.Server.ShouldBe($"{settings.Host}:{settings.Port}");
        session.Identity.Database.ShouldBe(settings.Database);
        session.Identity.SystemIdentifier.ShouldBe((string?)await db.ScalarAsync("SELECT system_identifier::text FROM pg_control_system()"));
        session.Identity.ServerVersion.ShouldBe((string?)await db.ScalarAsync("SHOW server_version"));
        session.ConsistencyPoint["lsn"].ShouldMatch("^[0-9A-F]+/[0-9A-F]+$");
        session.ConsistencyPoint["xid-snapshot"].ShouldMatch(@"^\d+:\d+:[\d,]*$");
        session.ConsistencyPoint["exported-snapshot"].ShouldMatch("^[0-9A-F-]+$");
        DateTime.Parse(session.ConsistencyPoint["snapshot-time"], System.Globalization.CultureInfo.InvariantCulture).ShouldNotBe(default);
    }

    private static async Task<List<object?[]>> Drain(IAsyncEnumerator<object?[]> reader)
    {
        var rows = new List<object?[]> { reader.Current };
        while (await reader.MoveNextAsync())
        {
            rows.Add(reader.Current);
        }

        await reader.DisposeAsync();
        return rows;
    }

    private async Task WaitUntilAsync(string countQuery)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while ((long)(await db.ScalarAsync(countQuery))! == 0)
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
