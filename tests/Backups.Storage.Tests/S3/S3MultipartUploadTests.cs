using Amazon.S3.Model;
using Backups.Storage.Tests.Support;
using Backups.Storage.Wrappers;
using NodaTime;

namespace Backups.Storage.Tests.S3;

/// <summary>Open multipart uploads as a killed process leaves them: begun and given a part, never completed. Against radosgw.</summary>
public sealed class S3MultipartUploadTests : S3BucketTest
{
    private const int MiB = 1024 * 1024;

    [S3Fact]
    public async Task An_abandoned_upload_below_the_prefix_is_listed_with_its_relative_key_and_start_and_aborting_it_frees_it()
    {
        using var store = Bucket.Store(prefix: "backups/");
        var (inside, initiated) = await AbandonAsync("backups/snapshots/20261125T120000Z-0a1b2c3d/tables/t/part-00000.parquet");
        var (outside, _) = await AbandonAsync("elsewhere/big.bin");

        var listed = await ListAsync(store.AsMultipartUploadLister()!, "");
        var upload = listed.ShouldHaveSingleItem("the upload outside the store's prefix is not the store's");
        upload.Key.ShouldBe("snapshots/20261125T120000Z-0a1b2c3d/tables/t/part-00000.parquet");
        upload.UploadId.ShouldBe(inside);
        upload.Initiated.ShouldBe(initiated, "the server's own record of when it began");
        (await ListAsync(store, "snapshots/")).ShouldHaveSingleItem();
        (await ListAsync(store, "audit/")).ShouldBeEmpty();

        await store.AsMultipartUploadAborter()!.AbortMultipartUploadAsync(upload, default);
        await store.AbortMultipartUploadAsync(upload, default); // gone already: not an error

        (await ListAsync(store, "")).ShouldBeEmpty();
        (await Bucket.InProgressUploadsAsync()).Select(u => u.UploadId).ShouldBe([outside]);
        (await Bucket.AllKeysAsync()).ShouldBeEmpty("an aborted upload leaves no object");
    }

    [S3Fact]
    public async Task The_retrying_and_dry_run_wrappers_pass_the_ability_on_and_the_dry_run_aborts_nothing()
    {
        using var bare = Bucket.Store(prefix: "backups/");
        var (id, _) = await AbandonAsync("backups/snapshots/x/part.parquet");
        var skipped = new List<SkippedMutation>();
        var dryRun = new DryRunObjectStore(new RetryingObjectStore(bare), skipped.Add);

        var upload = (await ListAsync(dryRun.AsMultipartUploadLister()!, "")).ShouldHaveSingleItem();
        await dryRun.AsMultipartUploadAborter()!.AbortMultipartUploadAsync(upload, default);

        skipped.ShouldBe([new SkippedMutation(MutationKind.AbortMultipartUpload, bare.Url, "snapshots/x/part.parquet", Detail: id)]);
        (await Bucket.InProgressUploadsAsync()).Select(u => u.UploadId).ShouldBe([id]);

        var retrying = new RetryingObjectStore(bare);
        await retrying.AsMultipartUploadAborter()!.AbortMultipartUploadAsync(upload, default);
        (await Bucket.InProgressUploadsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public void A_directory_store_has_no_multipart_uploads_and_a_wrapper_that_does_not_pass_them_on_hides_them()
    {
        using var directory = new TempDirectory();
        var files = new Storage.Files.FileObjectStore(directory.Path);
        files.AsMultipartUploadLister().ShouldBeNull();
        new RetryingObjectStore(files).AsMultipartUploadLister().ShouldBeNull();
        new FaultInjectingObjectStore(files).AsTemporaryFileLister().ShouldBeNull();
        new RetryingObjectStore(files).AsTemporaryFileLister().ShouldNotBeNull();
    }

    /// <summary>Begins an upload of <paramref name="fullKey"/> and sends one 5 MiB part, as a process killed mid-upload would leave it.</summary>
    private async Task<(string UploadId, Instant Initiated)> AbandonAsync(string fullKey)
    {
        var begun = await Bucket.Client.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest { BucketName = Bucket.Name, Key = fullKey });
        await Bucket.Client.UploadPartAsync(new UploadPartRequest
        {
            BucketName = Bucket.Name,
            Key = fullKey,
            UploadId = begun.UploadId,
            PartNumber = 1,
            InputStream = new MemoryStream(new byte[5 * MiB]),
            UseChunkEncoding = false,
        });
        var listed = (await Bucket.InProgressUploadsAsync()).Single(u => u.UploadId == begun.UploadId);
        return (begun.UploadId, Instant.FromDateTimeUtc(listed.Initiated!.Value.ToUniversalTime()));
    }

    private static async Task<List<OpenMultipartUpload>> ListAsync(IMultipartUploadLister lister, string prefix)
    {
        var uploads = new List<OpenMultipartUpload>();
        await foreach (var upload in lister.ListMultipartUploadsAsync(prefix, default))
        {
            uploads.Add(upload);
        }

        return uploads;
    }
}
