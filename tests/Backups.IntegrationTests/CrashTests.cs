using System.Diagnostics;
using Backups.IntegrationTests.Support;
using Backups.Snapshots;
using Backups.TestFixtures.Postgres;
using NodaTime;

namespace Backups.IntegrationTests;

/// <summary>
/// Crash safety: the real program is SIGKILLed right after it stored the first part of a table that has several. Nothing is visible, gc finds
/// the leftover, keeps it during the grace period, deletes it after (audited), and the next snapshot is whole.
/// </summary>
public sealed class CrashTests(BigTableDatabase database) : IClassFixture<BigTableDatabase>
{
    private static readonly TimeSpan PartTimeout = TimeSpan.FromSeconds(90);

    /// <summary>Every row group its own part: the first part is stored after the first of several row groups.</summary>
    private const string PartSize = "1KiB";

    private static readonly int ExpectedParts =
        (BigTableDatabase.Rows + Snapshots.SnapshotWriteRequest.DefaultRowGroupRows - 1) / Snapshots.SnapshotWriteRequest.DefaultRowGroupRows;

    [PostgresFact]
    public async Task A_snapshot_killed_after_its_first_part_leaves_nothing_visible_and_gc_removes_the_leftover_from_a_directory()
    {
        using var workspace = new Workspace();
        var store = workspace.StoreUrl;
        var connection = await database.ConnectionAsync();
        var policy = workspace.WritePolicy(TestPolicies.Postgres("crash", "public", store, parallelism: 1));

        string[] snapshot = ["snapshot", "--policy", policy, "--source", $"postgres:{connection}", "--store", store, "--part-size", PartSize];

        var leftover = await KillAfterFirstPartAsync(workspace, snapshot, () => Task.FromResult(workspace.StoreKeys(SnapshotKeys.Root)));

        await CollectAndSnapshotAgainAsync(workspace, store, leftover, snapshot);
        workspace.StoreKeys(SnapshotKeys.SnapshotPrefix(leftover)).ShouldBeEmpty();
        var audit = workspace.StoreKeys("audit/");
        audit.Count.ShouldBeGreaterThanOrEqualTo(2, "an intent and an outcome entry");
        audit.ShouldAllBe(k => File.ReadAllText(workspace.StorePath(k)).Contains(leftover));
    }

    [PostgresAndS3Fact]
    public async Task A_snapshot_killed_after_its_first_part_leaves_nothing_visible_and_gc_removes_the_leftover_from_S3()
    {
        await using var bucket = await TestBucket.CreateAsync();
        using var workspace = new Workspace();
        const string prefix = "crash/";
        var store = bucket.Url("crash");
        var connection = await database.ConnectionAsync();
        var policy = workspace.WritePolicy(TestPolicies.Postgres("crash", "public", store, parallelism: 1));

        string[] snapshot = ["snapshot", "--policy", policy, "--source", $"postgres:{connection}", "--store", store, "--part-size", PartSize];

        var leftover = await KillAfterFirstPartAsync(
            workspace, snapshot,
            async () => [.. (await bucket.KeysAsync(prefix + SnapshotKeys.Root)).Select(k => k[prefix.Length..])]);

        // An interrupted multipart upload is not an object: only whole parts are listed.
        var keys = await bucket.KeysAsync(prefix + SnapshotKeys.SnapshotPrefix(leftover));
        keys.ShouldAllBe(k => k.EndsWith(".parquet", StringComparison.Ordinal));

        await CollectAndSnapshotAgainAsync(workspace, store, leftover, snapshot);
        (await bucket.KeysAsync(prefix + SnapshotKeys.SnapshotPrefix(leftover))).ShouldBeEmpty();
        var audit = await bucket.KeysAsync(prefix + "audit/");
        audit.Count.ShouldBeGreaterThanOrEqualTo(2, "an intent and an outcome entry");
    }

    /// <summary>Starts the program, kills it as soon as a part is stored, and returns the id of the leftover.</summary>
    private static async Task<string> KillAfterFirstPartAsync(Workspace workspace, string[] snapshotArgs, Func<Task<IReadOnlyList<string>>> snapshotKeys)
    {
        using var cli = CliProcess.Start(workspace, snapshotArgs);
        var clock = Stopwatch.StartNew();
        IReadOnlyList<string> keys = [];
        while (!keys.Any(k => k.EndsWith(".parquet", StringComparison.Ordinal)))
        {
            if (cli.HasExited || clock.Elapsed > PartTimeout)
            {
                throw new ShouldAssertException($"no part appeared under {SnapshotKeys.Root} before the program {(cli.HasExited ? "exited" : "timed out")}\n{cli.Output}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20));
            keys = await snapshotKeys();
        }

        await cli.KillAsync();
        keys = await snapshotKeys();
        keys.ShouldNotContain(k => k.EndsWith("/" + SnapshotKeys.ManifestFileName, StringComparison.Ordinal),
            $"the program was killed before it committed (make the table bigger if this fails)\n{cli.Output}");
        keys.Count(k => k.EndsWith(".parquet", StringComparison.Ordinal)).ShouldBeLessThan(ExpectedParts, "killed in the middle of the table");
        var ids = keys.Select(k => k.Split('/')[1]).Distinct().ToList();
        return ids.ShouldHaveSingleItem();
    }

    private static async Task CollectAndSnapshotAgainAsync(Workspace workspace, string store, string leftover, string[] snapshotArgs)
    {
        SnapshotId.TryGetStart(leftover, out var started).ShouldBeTrue();

        // Nothing is visible: list reads the store itself.
        Json.Parse(await workspace.RunExpectingAsync(0, "list", "--store", store, "--json")).GetArrayLength().ShouldBe(0);

        // Ten minutes later the leftover may still be a snapshot being written: listed, kept.
        workspace.Clock.Reset(started + Duration.FromMinutes(10));
        var dryRun = Json.Parse(await workspace.RunExpectingAsync(0, "gc", "--store", store, "--json"));
        dryRun.GetProperty("dryRun").GetBoolean().ShouldBeTrue();
        var item = dryRun.GetProperty("leftovers").EnumerateArray().ShouldHaveSingleItem();
        item.GetProperty("id").GetString().ShouldBe(leftover);
        item.GetProperty("eligible").GetBoolean().ShouldBeFalse();
        (await workspace.RunExpectingAsync(0, "gc", "--store", store, "--apply")).Out.ShouldContain($"keep   {leftover}");
        workspace.Clock.Reset(started + Duration.FromMinutes(11));
        Json.Parse(await workspace.RunExpectingAsync(0, "gc", "--store", store, "--json"))
            .GetProperty("leftovers").EnumerateArray().ShouldHaveSingleItem().GetProperty("id").GetString().ShouldBe(leftover);

        // Past the grace period a dry run lists it as eligible and --apply deletes it.
        workspace.Clock.Reset(started + Duration.FromHours(2));
        var eligible = await workspace.RunExpectingAsync(0, "gc", "--store", store, "--grace", "1h");
        eligible.Out.ShouldContain($"would delete {leftover}");
        var applied = Json.Parse(await workspace.RunExpectingAsync(0, "gc", "--store", store, "--grace", "1h", "--apply", "--json"));
        applied.GetProperty("deleted").GetInt32().ShouldBe(1);
        (await workspace.RunExpectingAsync(0, "gc", "--store", store)).Out.ShouldContain("no leftovers");

        // The next snapshot is whole and the only one.
        var snapshot = Json.Parse(await workspace.RunExpectingAsync(0, [.. snapshotArgs, "--json"]));
        var id = snapshot.GetProperty("id").GetString()!;
        snapshot.GetProperty("rows").GetInt64().ShouldBe(BigTableDatabase.Rows);
        snapshot.GetProperty("parts").GetInt32().ShouldBe(ExpectedParts);
        (await workspace.RunExpectingAsync(0, "verify", "--all", "--store", store)).Out.ShouldContain($"{id}: ok");
        Json.Ids(Json.Parse(await workspace.RunExpectingAsync(0, "list", "--store", store, "--json"))).ShouldBe([id]);
    }
}
