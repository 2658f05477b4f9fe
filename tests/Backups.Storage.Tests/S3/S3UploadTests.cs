using Backups.Storage.S3;
using Backups.Storage.Tests.Support;
using Backups.Storage.Wrappers;

namespace Backups.Storage.Tests.S3;

public sealed class S3UploadTests : S3BucketTest
{
    private const int MiB = 1024 * 1024;
    private static readonly S3StoreOptions FiveMiBParts = new() { PartSize = 5 * MiB, MaxConcurrentParts = 2 };

    [S3Fact]
    public async Task A_40_MiB_non_seekable_stream_is_uploaded_in_parts_and_reads_back_identical()
    {
        var pool = new CountingArrayPool();
        using var store = Bucket.Store(FiveMiBParts, pool: pool);
        using var content = new PatternStream(40L * MiB, seed: 40);

        await store.PutAsync("snap/table.parquet", content, default);

        (await store.HeadAsync("snap/table.parquet", default))!.Size.ShouldBe(40L * MiB);
        (await store.Sha256HexAsync("snap/table.parquet")).ShouldBe(content.Sha256Hex());
        (await Bucket.HeadRawAsync("backups/snap/table.parquet")).ETag.ShouldEndWith("-8\"");
    }

    [S3Fact]
    public async Task Memory_stays_bounded_at_max_concurrent_parts_plus_one_buffers()
    {
        var pool = new CountingArrayPool();
        using var store = Bucket.Store(FiveMiBParts, pool: pool);
        var peakWhileReading = 0;
        using var content = new PatternStream(40L * MiB, seed: 7) { BeforeRead = _ => peakWhileReading = Math.Max(peakWhileReading, pool.InUse) };

        await store.PutAsync("big", content, default);

        pool.Peak.ShouldBeLessThanOrEqualTo(FiveMiBParts.MaxConcurrentParts + 1);
        peakWhileReading.ShouldBeLessThanOrEqualTo(FiveMiBParts.MaxConcurrentParts + 1);
        pool.Rented.ShouldBeGreaterThanOrEqualTo(8);
        pool.InUse.ShouldBe(0);
    }

    [S3Fact]
    public async Task Content_that_fits_in_one_part_is_sent_with_a_single_put()
    {
        using var store = Bucket.Store(FiveMiBParts);
        using var small = new PatternStream(3 * MiB);
        using var exact = new PatternStream(5 * MiB, seed: 2);

        await store.PutAsync("small", small, default);
        await store.PutAsync("exact", exact, default);

        (await Bucket.HeadRawAsync("backups/small")).ETag.ShouldNotContain("-");
        (await Bucket.HeadRawAsync("backups/exact")).ETag.ShouldNotContain("-");
        (await store.Sha256HexAsync("exact")).ShouldBe(exact.Sha256Hex());
    }

    [S3Fact]
    public async Task An_empty_stream_makes_an_empty_object()
    {
        using var store = Bucket.Store();

        await store.PutAsync("empty", new MemoryStream(), default);

        (await store.HeadAsync("empty", default))!.Size.ShouldBe(0);
    }

    [S3Fact]
    public async Task A_content_stream_failing_after_12_MiB_leaves_no_object_and_no_multipart_upload()
    {
        var pool = new CountingArrayPool();
        using var store = Bucket.Store(FiveMiBParts, pool: pool);
        using var failing = new PatternStream(40L * MiB, failAfter: 12L * MiB);

        var error = await Should.ThrowAsync<IOException>(() => store.PutAsync("snap/table.parquet", failing, default));

        error.Message.ShouldContain("producer failed");
        (await store.HeadAsync("snap/table.parquet", default)).ShouldBeNull();
        (await Bucket.AllKeysAsync()).ShouldBeEmpty();
        (await Bucket.InProgressUploadsAsync()).ShouldBeEmpty();
        pool.InUse.ShouldBe(0);
    }

    [S3Fact]
    public async Task A_put_failing_through_the_fault_injector_after_12_MiB_leaves_nothing()
    {
        using var s3 = Bucket.Store(FiveMiBParts);
        var store = new FaultInjectingObjectStore(s3).FailPutAfterBytes(12L * MiB);
        using var content = new PatternStream(20L * MiB);

        await Should.ThrowAsync<IOException>(() => store.PutAsync("k", content, default));

        (await Bucket.AllKeysAsync()).ShouldBeEmpty();
        (await Bucket.InProgressUploadsAsync()).ShouldBeEmpty();
    }

    [S3Fact]
    public async Task A_put_cancelled_mid_upload_leaves_no_object_and_no_multipart_upload()
    {
        var pool = new CountingArrayPool();
        using var store = Bucket.Store(FiveMiBParts, pool: pool);
        using var cancel = new CancellationTokenSource();
        using var content = new PatternStream(40L * MiB) { BeforeRead = read => { if (read >= 12L * MiB) cancel.Cancel(); } };

        await Should.ThrowAsync<OperationCanceledException>(() => store.PutAsync("k", content, cancel.Token));

        (await Bucket.AllKeysAsync()).ShouldBeEmpty();
        (await Bucket.InProgressUploadsAsync()).ShouldBeEmpty();
        pool.InUse.ShouldBe(0);
    }

    [S3Fact]
    public async Task A_failed_replacement_keeps_the_previous_version()
    {
        using var store = Bucket.Store(FiveMiBParts);
        await store.PutTextAsync("manifest.json", "v1");
        using var failing = new PatternStream(20L * MiB, failAfter: 11L * MiB);

        await Should.ThrowAsync<IOException>(() => store.PutAsync("manifest.json", failing, default));

        (await store.ReadTextAsync("manifest.json")).ShouldBe("v1");
    }

    [S3Fact]
    public async Task New_objects_get_the_configured_storage_class()
    {
        using var store = Bucket.Store(FiveMiBParts with { StorageClass = StorageClasses.Glacier });
        using var big = new PatternStream(11L * MiB);

        await store.PutTextAsync("small", "x");
        await store.PutAsync("big", big, default);

        (await store.ListAllAsync()).Select(o => o.StorageClass).ShouldBe(["GLACIER", "GLACIER"]);
    }
}
