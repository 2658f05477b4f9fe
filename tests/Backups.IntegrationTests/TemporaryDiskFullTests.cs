using Backups.IntegrationTests.Support;
using Backups.Snapshots;

namespace Backups.IntegrationTests;

/// <summary>
/// A full disk under <c>$BACKUPS_TEMP</c>, for real: the program runs with a 256 KiB tmpfs mounted there (in its own
/// mount namespace), so writing the first Parquet part fails with ENOSPC. One clear line, exit 3, nothing visible.
/// </summary>
public sealed class TemporaryDiskFullTests(BigTableDatabase database) : IClassFixture<BigTableDatabase>
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
}
