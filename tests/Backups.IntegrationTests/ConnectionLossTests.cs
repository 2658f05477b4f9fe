using Backups.IntegrationTests.Support;
using Backups.Snapshots;
using Backups.TestFixtures.Postgres;
using Npgsql;

namespace Backups.IntegrationTests;

/// <summary>
/// A database connection that goes away in the middle of the work, for real: the program's sessions are ended with
/// <c>pg_terminate_backend</c> from another connection while a large table is read (snapshot) or loaded (restore).
/// One clear line naming the table, the server and the (redacted) connection, exit 3, and nothing partial.
/// </summary>
public sealed class ConnectionLossTests(BigTableDatabase database, PostgresServer server) : IClassFixture<BigTableDatabase>, IClassFixture<PostgresServer>
{
    private const string Password = "never-printed-4711";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    [PostgresFact]
    public async Task A_snapshot_whose_connection_is_terminated_mid_table_exits_3_naming_the_table_and_leaves_nothing_visible()
    {
        using var workspace = new Workspace();
        var direct = await database.ConnectionAsync();
        var settings = new NpgsqlConnectionStringBuilder(direct);
        // The program connects through a proxy that holds back the server's answer once 2 MB of the table's ~18 MB of
        // rows have passed: the sessions are terminated while the table is, for certain, being read.
        await using var proxy = new PausingProxy(settings.Host!, settings.Port, pauseAfter: 2 * 1024 * 1024);
        settings.Port = proxy.Port;
        settings.Password = Password;
        var connection = settings.ConnectionString;
        var policy = workspace.WritePolicy(TestPolicies.Postgres("dropped", "public", workspace.StoreUrl, parallelism: 1));

        var run = workspace.RunAsync("snapshot", "--policy", policy, "--source", $"postgres:{connection}", "--part-size", "1KiB");
        await proxy.Paused.WaitAsync(Timeout);
        var terminated = await Backends.TerminateAsync(direct);
        proxy.Release();
        var result = await run;

        terminated.ShouldBeGreaterThan(0, result.ToString());
        result.ExitCode.ShouldBe(3, result.ToString());
        var line = result.Error.Trim();
        line.Split('\n').Length.ShouldBe(1, "one line");
        line.ShouldContain("lost the connection to postgres 127.0.0.1:");
        line.ShouldContain("while reading table public.big");
        line.ShouldContain("Password=***");
        line.ShouldMatch("the server (ended|closed) the connection", customMessage: line);
        line.ShouldContain("nothing partial is visible");
        result.All.ShouldNotContain(Password);
        result.All.ShouldNotContain("   at ");

        Json.Parse(await workspace.RunExpectingAsync(0, "list", "--store", workspace.StoreUrl, "--json")).GetArrayLength().ShouldBe(0);
        // gc lists exactly what the failed write left under snapshots/ (the writer deletes what it uploaded, so usually nothing).
        var gc = Json.Parse(await workspace.RunExpectingAsync(0, "gc", "--store", workspace.StoreUrl, "--json"));
        gc.GetProperty("leftovers").EnumerateArray().SelectMany(l => l.GetProperty("keys").EnumerateArray().Select(k => k.GetString()!))
            .ShouldBe(workspace.StoreKeys(SnapshotKeys.Root));
        Directory.EnumerateFileSystemEntries(workspace.TempDirectory).ShouldBeEmpty("the writer removes its temporary parts");

        // The database is fine again: the next snapshot is whole.
        var again = Json.Parse(await workspace.RunExpectingAsync(0, "snapshot", "--policy", policy, "--source", $"postgres:{direct}", "--json"));
        again.GetProperty("rows").GetInt64().ShouldBe(BigTableDatabase.Rows);
    }

    [PostgresFact]
    public async Task A_restore_whose_target_connection_is_terminated_mid_load_exits_3_naming_the_table_and_commits_nothing_of_it()
    {
        using var workspace = new Workspace();
        var source = await database.ConnectionAsync();
        var policy = workspace.WritePolicy(TestPolicies.Postgres("restored", "public", workspace.StoreUrl, parallelism: 1));
        var id = Json.Parse(await workspace.RunExpectingAsync(0, "snapshot", "--policy", policy, "--source", $"postgres:{source}", "--json"))
            .GetProperty("id").GetString()!;
        var spareDirect = await server.CreateDatabaseAsync("backups_integ_spare");
        var settings = new NpgsqlConnectionStringBuilder(spareDirect);
        // Through a proxy that holds back the program's COPY data once 2 MB have passed: terminated mid-load, for certain.
        await using var proxy = new PausingProxy(settings.Host!, settings.Port, pauseAfter: 2 * 1024 * 1024, pauseServer: false);
        settings.Port = proxy.Port;
        settings.Password = Password;
        var spare = settings.ConnectionString;

        var run = workspace.RunAsync("restore", "--store", workspace.StoreUrl, "--snapshot", id, "--to", $"postgres:{spare}");
        await proxy.Paused.WaitAsync(Timeout);
        var terminated = await Backends.TerminateAsync(spareDirect);
        proxy.Release();
        var result = await run;

        terminated.ShouldBeGreaterThan(0, result.ToString());
        result.ExitCode.ShouldBe(3, result.ToString());
        result.Error.ShouldContain("table public.big was not restored");
        result.Error.ShouldContain("lost the connection to the target postgres 127.0.0.1:");
        result.Error.ShouldContain("Password=***");
        result.Error.ShouldContain("none of its rows reached public.big");
        result.All.ShouldNotContain(Password);
        result.All.ShouldNotContain("   at ");
        (await CountIfExistsAsync(spareDirect, "public.big")).ShouldBe(0, "the load's transaction never committed");
    }

    private static async Task<long> CountIfExistsAsync(string connection, string table)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var exists = new NpgsqlCommand($"SELECT to_regclass('{table}') IS NOT NULL", db);
        if (!(bool)(await exists.ExecuteScalarAsync())!)
        {
            return 0;
        }

        await using var count = new NpgsqlCommand($"SELECT count(*) FROM {table}", db);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
