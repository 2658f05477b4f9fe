using System.Text.Json;
using Amazon.S3.Model;
using Backups.Catalog;
using Backups.IntegrationTests.Support;
using Backups.Operations;
using Backups.Snapshots;
using NodaTime;

namespace Backups.IntegrationTests;

/// <summary>
/// What <c>backups gc</c> finds besides snapshot directories without a manifest: the directory store's own
/// <c>.tmp/</c> files, this program's files in <c>$BACKUPS_TEMP</c>, and (against radosgw) a multipart upload left open.
/// Each is kept during the grace period, removed after it with <c>--apply</c>, and audited before it goes.
/// </summary>
public sealed class GcLeftoverTests
{
    private static readonly Instant Now = Workspace.Start;

    [Fact]
    public async Task Store_temporary_files_and_local_temporary_files_are_listed_kept_while_young_and_removed_after_the_grace_period()
    {
        using var workspace = new Workspace();
        Directory.CreateDirectory(Path.Combine(workspace.StoreDirectory, ".tmp"));
        var oldStoreTemp = Touch(Path.Combine(workspace.StoreDirectory, ".tmp", new string('a', 32)), 4096, Now - Duration.FromHours(3));
        var youngStoreTemp = Touch(Path.Combine(workspace.StoreDirectory, ".tmp", new string('b', 32)), 10, Now - Duration.FromMinutes(10));

        var oldId = SnapshotId.New(Now - Duration.FromHours(3), new Random(1));
        var writer = Path.Combine(workspace.TempDirectory, $"backups-{oldId}-{new string('c', 32)}");
        Directory.CreateDirectory(writer);
        Touch(Path.Combine(writer, "public.big.part-00000.parquet"), 5000, Now - Duration.FromHours(3));
        Directory.SetLastWriteTimeUtc(writer, (Now - Duration.FromHours(3)).ToDateTimeUtc());
        var download = Touch(Path.Combine(workspace.TempDirectory, $"backups-read-{new string('d', 32)}.tmp"), 300, Now - Duration.FromHours(2));
        var youngId = SnapshotId.New(Now - Duration.FromMinutes(5), new Random(2));
        var running = Path.Combine(workspace.TempDirectory, $"backups-{youngId}-{new string('e', 32)}");
        Directory.CreateDirectory(running);
        Touch(Path.Combine(running, "t.part-00000.parquet"), 10, Now - Duration.FromMinutes(5));
        Directory.SetLastWriteTimeUtc(running, (Now - Duration.FromMinutes(5)).ToDateTimeUtc());
        var unrelated = Touch(Path.Combine(workspace.TempDirectory, "backups-notes.txt"), 1, Now - Duration.FromDays(30));

        workspace.Clock.Reset(Now);
        var plan = Json.Parse(await workspace.RunExpectingAsync(0, "gc", "--store", workspace.StoreUrl, "--grace", "1h", "--json"));
        plan.GetProperty("dryRun").GetBoolean().ShouldBeTrue();
        plan.GetProperty("localDirectory").GetString().ShouldBe(workspace.TempDirectory);
        var storeTemp = plan.GetProperty("storeTemporaryFiles").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);
        storeTemp.Keys.Order(StringComparer.Ordinal).ShouldBe([Path.GetFileName(oldStoreTemp), Path.GetFileName(youngStoreTemp)]);
        storeTemp[Path.GetFileName(oldStoreTemp)].GetProperty("eligible").GetBoolean().ShouldBeTrue();
        storeTemp[Path.GetFileName(oldStoreTemp)].GetProperty("bytes").GetInt64().ShouldBe(4096);
        storeTemp[Path.GetFileName(youngStoreTemp)].GetProperty("eligible").GetBoolean().ShouldBeFalse();
        var local = plan.GetProperty("localTemporary").EnumerateArray().ToDictionary(t => t.GetProperty("path").GetString()!);
        local.Keys.Order(StringComparer.Ordinal).ShouldBe(new[] { writer, download, running }.Order(StringComparer.Ordinal), "only this program's own names");
        local[writer].GetProperty("eligible").GetBoolean().ShouldBeTrue();
        local[writer].GetProperty("snapshotId").GetString().ShouldBe(oldId);
        local[writer].GetProperty("files").GetInt32().ShouldBe(1);
        local[writer].GetProperty("bytes").GetInt64().ShouldBe(5000);
        local[download].GetProperty("eligible").GetBoolean().ShouldBeTrue();
        local[running].GetProperty("eligible").GetBoolean().ShouldBeFalse();
        File.Exists(oldStoreTemp).ShouldBeTrue("a dry run removes nothing");

        var text = await workspace.RunExpectingAsync(0, "gc", "--store", workspace.StoreUrl, "--grace", "1h");
        text.Out.ShouldContain($"would delete store temporary file .tmp/{Path.GetFileName(oldStoreTemp)}");
        text.Out.ShouldContain($"keep   store temporary file .tmp/{Path.GetFileName(youngStoreTemp)}");
        text.Out.ShouldContain($"would delete local temporary {writer}: 1 files");
        text.Out.ShouldContain($"keep   local temporary {running}");

        var applied = Json.Parse(await workspace.RunExpectingAsync(0, "gc", "--store", workspace.StoreUrl, "--grace", "1h", "--apply", "--json"));
        applied.GetProperty("removed").GetProperty("storeTemporaryFiles").GetInt32().ShouldBe(1);
        applied.GetProperty("removed").GetProperty("localTemporary").GetInt32().ShouldBe(2);
        File.Exists(oldStoreTemp).ShouldBeFalse();
        Directory.Exists(writer).ShouldBeFalse();
        File.Exists(download).ShouldBeFalse();
        File.Exists(youngStoreTemp).ShouldBeTrue();
        Directory.Exists(running).ShouldBeTrue();
        File.Exists(unrelated).ShouldBeTrue();

        var audit = await AuditAsync(workspace, workspace.StoreUrl);
        AssertAuditedBefore(audit, "gc-delete-store-temp", ".tmp/" + Path.GetFileName(oldStoreTemp));
        AssertAuditedBefore(audit, "gc-delete-local-temp", writer);
        AssertAuditedBefore(audit, "gc-delete-local-temp", download);
        audit.Single(e => e.Phase == "intent" && e.Objects.Any(o => o.Key == writer)).SnapshotId.ShouldBe(oldId);
    }

    [S3Fact]
    public async Task A_multipart_upload_left_open_in_S3_is_kept_during_the_grace_period_and_aborted_after_it()
    {
        await using var bucket = await TestBucket.CreateAsync();
        using var workspace = new Workspace();
        var store = bucket.Url("gc");
        const string key = "gc/snapshots/20261204T040000Z-0a1b2c3d/tables/public.big/part-00000.parquet";
        var begun = await bucket.Client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = bucket.Name, Key = key });
        await bucket.Client.UploadPartAsync(new UploadPartRequest
        {
            BucketName = bucket.Name, Key = key, UploadId = begun.UploadId, PartNumber = 1, InputStream = new MemoryStream(new byte[5 << 20]), UseChunkEncoding = false,
        });
        var initiated = Instant.FromDateTimeUtc((await bucket.InProgressUploadsAsync()).Single().Initiated!.Value.ToUniversalTime());

        workspace.Clock.Reset(initiated + Duration.FromMinutes(30));
        var young = Json.Parse(await workspace.RunExpectingAsync(0, "gc", "--store", store, "--grace", "1h", "--json"));
        var upload = young.GetProperty("multipartUploads").EnumerateArray().ShouldHaveSingleItem();
        upload.GetProperty("key").GetString().ShouldBe(key["gc/".Length..]);
        upload.GetProperty("uploadId").GetString().ShouldBe(begun.UploadId);
        upload.GetProperty("eligible").GetBoolean().ShouldBeFalse();
        (await workspace.RunExpectingAsync(0, "gc", "--store", store, "--grace", "1h", "--apply")).Out.ShouldContain($"keep   open upload of {key["gc/".Length..]}");
        (await bucket.InProgressUploadsAsync()).ShouldHaveSingleItem();

        workspace.Clock.Reset(initiated + Duration.FromHours(2));
        (await workspace.RunExpectingAsync(0, "gc", "--store", store, "--grace", "1h")).Out.ShouldContain($"would abort open upload of {key["gc/".Length..]}");
        var applied = Json.Parse(await workspace.RunExpectingAsync(0, "gc", "--store", store, "--grace", "1h", "--apply", "--json"));
        applied.GetProperty("removed").GetProperty("multipartUploads").GetInt32().ShouldBe(1);
        (await bucket.InProgressUploadsAsync()).ShouldBeEmpty();

        var audit = await AuditAsync(workspace, store);
        var intent = AssertAuditedBefore(audit, "gc-abort-upload", key["gc/".Length..]);
        intent.SnapshotId.ShouldBe("20261204T040000Z-0a1b2c3d");
        using var before = JsonDocument.Parse(intent.Before!);
        before.RootElement.GetProperty("uploadId").GetString().ShouldBe(begun.UploadId);
        (await workspace.RunExpectingAsync(0, "gc", "--store", store)).Out.ShouldContain("no leftovers");
    }

    private static string Touch(string path, int bytes, Instant lastWritten)
    {
        File.WriteAllBytes(path, new byte[bytes]);
        File.SetLastWriteTimeUtc(path, lastWritten.ToDateTimeUtc());
        return path;
    }

    private static async Task<List<AuditEntry>> AuditAsync(Workspace workspace, string store)
    {
        using var handle = StoreOpener.Open(store, workspace.GetEnvironmentVariable);
        var entries = new List<AuditEntry>();
        await foreach (var entry in new StoreAuditLog(handle.Store).ReadAsync(null, CancellationToken.None))
        {
            entries.Add(entry);
        }

        return entries;
    }

    /// <summary>The intent entry for <paramref name="key"/>, checked to come before its done entry.</summary>
    private static AuditEntry AssertAuditedBefore(List<AuditEntry> audit, string action, string key)
    {
        var intent = audit.FindIndex(e => e.Action == action && e.Phase == "intent" && e.Objects.Any(o => o.Key == key));
        var done = audit.FindIndex(e => e.Action == action && e.Phase == "done" && e.Objects.Any(o => o.Key == key));
        intent.ShouldBeGreaterThanOrEqualTo(0, $"{action} of {key} has an intent entry");
        done.ShouldBeGreaterThan(intent, $"{action} of {key} is done after its intent");
        audit[intent].Before.ShouldNotBeNullOrEmpty();
        return audit[intent];
    }
}
