using Backups.IntegrationTests.Support;
using Backups.Snapshots;
using NodaTime;

namespace Backups.IntegrationTests;

/// <summary>
/// Crash safety in the middle of a multipart upload: the real program is SIGKILLed while it sends the parts of a
/// 31 MB Parquet file to radosgw (through a proxy that holds the upload's bytes back, so the kill lands with the
/// upload open, for certain). Nothing is visible, gc reports the open upload and the local part files, gc --apply
/// with no grace removes them (audited), and the next snapshot is whole.
/// </summary>
public sealed class MultipartCrashTests(NoiseTableDatabase database) : IClassFixture<NoiseTableDatabase>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    [PostgresAndS3Fact]
    public async Task A_snapshot_killed_during_a_multipart_upload_leaves_nothing_visible_and_gc_aborts_the_upload()
    {
        await using var bucket = await TestBucket.CreateAsync();
        using var workspace = new Workspace();
        var store = bucket.Url("crash");
        var connection = await database.ConnectionAsync();
        var policy = workspace.WritePolicy(TestPolicies.Postgres("multipart", "public", store, parallelism: 1));
        string[] snapshot = ["snapshot", "--policy", policy, "--source", $"postgres:{connection}"];

        var endpoint = new Uri(S3TestEnvironment.Endpoint!);
        await using (var proxy = new PausingProxy(endpoint.Host, endpoint.Port, pauseAfter: 8 * 1024 * 1024, pauseServer: false))
        {
            var direct = workspace.Environment["AWS_ENDPOINT_URL_S3"];
            workspace.Environment["AWS_ENDPOINT_URL_S3"] = $"http://127.0.0.1:{proxy.Port}";
            using var cli = CliProcess.Start(workspace, snapshot);
            workspace.Environment["AWS_ENDPOINT_URL_S3"] = direct;
            var paused = await Task.WhenAny(proxy.Paused, Task.Delay(Timeout));
            paused.ShouldBe(proxy.Paused, $"the upload never got 8 MB far\n{cli.Output}");
            (await bucket.InProgressUploadsAsync()).ShouldHaveSingleItem($"a multipart upload is open when the program is killed\n{cli.Output}");
            await cli.KillAsync();
        }

        var upload = (await bucket.InProgressUploadsAsync()).ShouldHaveSingleItem("killed: nobody aborted it");
        upload.Key.ShouldEndWith("/tables/public.noise/part-00000.parquet");
        var id = upload.Key.Split('/')[2];
        (await bucket.KeysAsync("crash/")).ShouldBeEmpty("no object of the snapshot was completed, least of all a manifest");
        Json.Parse(await workspace.RunExpectingAsync(0, "list", "--store", store, "--json")).GetArrayLength().ShouldBe(0);

        // gc sees the open upload and the killed program's part files; with no grace at all both go.
        workspace.Clock.Reset(Instant.FromDateTimeUtc(upload.Initiated!.Value.ToUniversalTime()) + Duration.FromMinutes(1));
        var plan = Json.Parse(await workspace.RunExpectingAsync(0, "gc", "--store", store, "--json"));
        var listed = plan.GetProperty("multipartUploads").EnumerateArray().ShouldHaveSingleItem();
        listed.GetProperty("key").GetString().ShouldBe(upload.Key["crash/".Length..]);
        listed.GetProperty("uploadId").GetString().ShouldBe(upload.UploadId);
        listed.GetProperty("eligible").GetBoolean().ShouldBeFalse("within the default grace of 24h");
        var local = plan.GetProperty("localTemporary").EnumerateArray().ShouldHaveSingleItem();
        local.GetProperty("snapshotId").GetString().ShouldBe(id);

        var applied = Json.Parse(await workspace.RunExpectingAsync(0, "gc", "--store", store, "--grace", "0", "--apply", "--json"));
        applied.GetProperty("removed").GetProperty("multipartUploads").GetInt32().ShouldBe(1);
        applied.GetProperty("removed").GetProperty("localTemporary").GetInt32().ShouldBe(1);
        (await bucket.InProgressUploadsAsync()).ShouldBeEmpty();
        Directory.EnumerateFileSystemEntries(workspace.TempDirectory).ShouldBeEmpty();
        (await bucket.KeysAsync("crash/audit/")).Count.ShouldBe(4, "an intent and a done entry for each removal");

        // The next snapshot is whole, and the only one.
        var again = Json.Parse(await workspace.RunExpectingAsync(0, [.. snapshot, "--json"]));
        again.GetProperty("rows").GetInt64().ShouldBe(NoiseTableDatabase.Rows);
        (await bucket.InProgressUploadsAsync()).ShouldBeEmpty();
        var next = again.GetProperty("id").GetString()!;
        (await workspace.RunExpectingAsync(0, "verify", "--all", "--store", store)).Out.ShouldContain($"{next}: ok");
        Json.Ids(Json.Parse(await workspace.RunExpectingAsync(0, "list", "--store", store, "--json"))).ShouldBe([next]);
        (await bucket.KeysAsync($"crash/{SnapshotKeys.SnapshotPrefix(id)}")).ShouldBeEmpty();
    }
}
