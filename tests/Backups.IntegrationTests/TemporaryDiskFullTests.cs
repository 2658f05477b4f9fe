using Backups.IntegrationTests.Support;
using Backups.Snapshots;
using Backups.TestFixtures.Postgres;

namespace Backups.IntegrationTests;

/// <summary>
/// A full disk under <c>$BACKUPS_TEMP</c>, for real: the program runs with a 256 KiB tmpfs mounted there (in its own
/// mount namespace), so writing the first Parquet part (or downloading one, for a restore) fails with ENOSPC.
/// One clear line, exit 3, nothing visible, nothing changed.
/// </summary>
public sealed class TemporaryDiskFullTests(BigTableDatabase database, PostgresServer server) : IClassFixture<BigTableDatabase>, IClassFixture<PostgresServer>
{
    [MountNamespaceFact]
    public async Task A_full_temporary_directory_exits_3_naming_it_and_leaves_no_snapshot()
    {
        using var workspace = new Workspace();
        var connection = await database.ConnectionAsync();
        var policy = workspace.WritePolicy(TestPolicies.Postgres("full", "public", workspace.StoreUrl, parallelism: 1));
        var program = CliProcess.CommandLine("snapshot", "--policy", policy, "--source", $"postgres:{connection}");

        using var cli = CliProcess.StartCommand(workspace,
            ["unshare", "-Urm", "sh", "-c", "mount -t tmpfs -o size=256k tmpfs \"$0\" && exec \"$@\"", workspace.TempDirectory, .. program]);
        var exit = await cli.WaitForExitAsync(TimeSpan.FromMinutes(2));

        exit.ShouldBe(3, cli.Output);
        var error = cli.Output[(cli.Output.IndexOf("--- stderr ---", StringComparison.Ordinal) + 14)..].Trim();
        error.Split('\n').Length.ShouldBe(1, cli.Output);
        error.ShouldContain($"in {workspace.TempDirectory} (the temporary directory, BACKUPS_TEMP): the disk is full");
        error.ShouldContain("No space left on device");
        error.ShouldContain("nothing partial is visible");
        workspace.StoreKeys(SnapshotKeys.Root).ShouldBeEmpty();
        Json.Parse(await workspace.RunExpectingAsync(0, "list", "--store", workspace.StoreUrl, "--json")).GetArrayLength().ShouldBe(0);
    }

    [MountNamespaceFact]
    public async Task A_restore_whose_temporary_directory_is_full_exits_3_and_changes_nothing_in_the_target()
    {
        using var workspace = new Workspace();
        var connection = await database.ConnectionAsync();
        var policy = workspace.WritePolicy(TestPolicies.Postgres("full", "public", workspace.StoreUrl, parallelism: 1));
        var id = Json.Parse(await workspace.RunExpectingAsync(0, "snapshot", "--policy", policy, "--source", $"postgres:{connection}", "--json"))
            .GetProperty("id").GetString()!;
        var spare = await server.CreateDatabaseAsync("backups_integ_full");
        var program = CliProcess.CommandLine("restore", "--store", workspace.StoreUrl, "--snapshot", id, "--to", $"postgres:{spare}");

        using var cli = CliProcess.StartCommand(workspace,
            ["unshare", "-Urm", "sh", "-c", "mount -t tmpfs -o size=256k tmpfs \"$0\" && exec \"$@\"", workspace.TempDirectory, .. program]);
        var exit = await cli.WaitForExitAsync(TimeSpan.FromMinutes(2));

        exit.ShouldBe(3, cli.Output);
        cli.Output.ShouldContain("table public.big was not restored");
        cli.Output.ShouldContain("the temporary directory is full");
        cli.Output.ShouldContain("No space left on device");
        cli.Output.ShouldNotContain("   at ");
        await using var db = new Npgsql.NpgsqlConnection(spare);
        await db.OpenAsync();
        await using var exists = new Npgsql.NpgsqlCommand("SELECT to_regclass('public.big') IS NULL", db);
        ((bool)(await exists.ExecuteScalarAsync())!).ShouldBeTrue("the table is created only after its files are downloaded and checked");
    }
}
