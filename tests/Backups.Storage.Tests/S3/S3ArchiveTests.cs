using Amazon.S3;
using Backups.Storage.S3;
using Backups.Storage.Tests.Support;
using Backups.Storage.Wrappers;

namespace Backups.Storage.Tests.S3;

public sealed class S3ArchiveTests : S3BucketTest
{
    private const int MiB = 1024 * 1024;

    [S3Fact]
    public async Task Moving_an_object_to_glacier_shows_in_head_and_list_and_keeps_content_and_encryption()
    {
        using var store = Bucket.Store();
        var sent = new EncryptionHeaderRecorder(store.Client);
        await store.PutTextAsync("snap/a", "cold data");
        await store.PutTextAsync("snap/b", "stays hot");

        await store.ChangeStorageClassAsync("snap/a", StorageClasses.Glacier, default);

        (await store.HeadAsync("snap/a", default))!.StorageClass.ShouldBe("GLACIER");
        (await store.ListAllAsync()).Select(o => (o.Key, o.StorageClass)).ShouldBe([("snap/a", "GLACIER"), ("snap/b", "STANDARD")]);
        sent.Creating.Last().ShouldBe(("CopyObjectRequest", "AES256", null));
        (await store.ReadTextAsync("snap/a")).ShouldBe("cold data");
    }

    [S3Fact]
    public async Task A_kms_encrypted_object_keeps_its_key_and_content_when_its_class_changes()
    {
        var keyId = S3TestEnvironment.KmsKeyId ?? throw new InvalidOperationException("BACKUPS_TEST_KMS_KEY_ID is not set");
        using var store = Bucket.Store(new S3StoreOptions { ServerSideEncryption = S3StoreOptions.AwsKms, KmsKeyId = keyId });
        await store.PutTextAsync("k", "secret");
        using var plain = Bucket.Store();

        await plain.ChangeStorageClassAsync("k", StorageClasses.Glacier, default);

        var head = await Bucket.HeadRawAsync("backups/k");
        head.StorageClass.Value.ShouldBe("GLACIER");
        head.ServerSideEncryptionMethod.ShouldBe(ServerSideEncryptionMethod.AWSKMS);
        head.ServerSideEncryptionKeyManagementServiceKeyId.ShouldEndWith(keyId);
        (await store.ReadTextAsync("k")).ShouldBe("secret");
    }

    [S3Fact]
    public async Task A_large_object_changes_class_with_a_multipart_copy()
    {
        using var store = new S3ObjectStore(StoreUrl.ForS3(Bucket.Name, "backups/"), new S3StoreOptions { PartSize = 5 * MiB })
        {
            MaxSingleCopySize = 6 * MiB,
            CopyPartSize = 5 * MiB,
        };
        var sent = new EncryptionHeaderRecorder(store.Client);
        using var content = new PatternStream(12L * MiB);
        await store.PutAsync("big", content, default);

        await store.ChangeStorageClassAsync("big", StorageClasses.Glacier, default);

        var head = await Bucket.HeadRawAsync("backups/big");
        head.StorageClass.Value.ShouldBe("GLACIER");
        head.ETag.ShouldEndWith("-3\"");
        sent.Creating.Last().ShouldBe(("InitiateMultipartUploadRequest", "AES256", null));
        (await store.Sha256HexAsync("big")).ShouldBe(content.Sha256Hex());
        (await Bucket.InProgressUploadsAsync()).ShouldBeEmpty();
    }

    [S3Fact]
    public async Task Changing_to_the_current_class_changes_nothing()
    {
        using var store = Bucket.Store();
        await store.PutTextAsync("k", "v");
        var before = (await Bucket.HeadRawAsync("backups/k")).LastModified;

        await store.ChangeStorageClassAsync("k", StorageClasses.Standard, default);

        (await Bucket.HeadRawAsync("backups/k")).LastModified.ShouldBe(before);
    }

    [S3Fact]
    public async Task Changing_the_class_of_a_missing_object_is_not_found()
    {
        using var store = Bucket.Store();

        await Should.ThrowAsync<ObjectNotFoundException>(() => store.ChangeStorageClassAsync("missing", StorageClasses.Glacier, default));
    }

    [S3Fact]
    public async Task A_restore_request_on_radosgw_is_reported_as_not_supported()
    {
        using var store = Bucket.Store();
        await store.PutTextAsync("k", "v");
        await store.ChangeStorageClassAsync("k", StorageClasses.Glacier, default);

        // radosgw answers RestoreObject with 501 NotImplemented; AWS would start a retrieval job.
        var error = await Should.ThrowAsync<NotSupportedException>(() => store.RequestRestoreAsync("k", 2, RestoreTier.Bulk, default));

        error.Message.ShouldContain("RestoreObject");
        error.Message.ShouldContain("501");
    }

    [S3Fact]
    public async Task An_object_that_is_not_archived_needs_no_restore()
    {
        using var store = Bucket.Store();
        await store.PutTextAsync("k", "v");

        await store.RequestRestoreAsync("k", 2, RestoreTier.Standard, default);

        (await store.GetRestoreStatusAsync("k", default)).ShouldBe(new RestoreStatus("k", "STANDARD", RestoreState.NotArchived));
    }

    [S3Fact]
    public async Task An_object_in_glacier_without_a_restore_is_archived()
    {
        using var store = Bucket.Store();
        await store.PutTextAsync("k", "v");
        await store.ChangeStorageClassAsync("k", StorageClasses.Glacier, default);

        var status = await store.GetRestoreStatusAsync("k", default);

        status.ShouldBe(new RestoreStatus("k", "GLACIER", RestoreState.Archived));
        status.IsReadable.ShouldBeFalse();
    }

    [S3Fact]
    public async Task The_archive_ability_works_through_the_retry_wrapper()
    {
        using var s3 = Bucket.Store();
        await s3.PutTextAsync("k", "v");
        var faults = new FaultInjectingObjectStore(s3).FailCall(StoreOperation.ChangeStorageClass, 1);
        IObjectStore store = new RetryingObjectStore(faults, new StoreRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1) });

        await store.AsArchiveStore().ShouldNotBeNull().ChangeStorageClassAsync("k", StorageClasses.Glacier, default);

        faults.Calls(StoreOperation.ChangeStorageClass).ShouldBe(2);
        (await s3.HeadAsync("k", default))!.StorageClass.ShouldBe("GLACIER");
    }
}
