using Amazon.S3;
using Backups.Storage.S3;
using Backups.Storage.Tests.Support;

namespace Backups.Storage.Tests.S3;

public sealed class S3EncryptionTests : S3BucketTest
{
    private const int MiB = 1024 * 1024;

    private static string KmsKeyId =>
        S3TestEnvironment.KmsKeyId ?? throw new InvalidOperationException("BACKUPS_TEST_KMS_KEY_ID is not set (source /tmp/backups-dev/env.sh)");

    [S3Fact]
    public async Task Aes256_is_requested_on_single_and_multipart_puts_by_default()
    {
        using var store = Bucket.Store(new S3StoreOptions { PartSize = 5 * MiB });
        var sent = new EncryptionHeaderRecorder(store.Client);
        using var big = new PatternStream(12L * MiB);

        await store.PutTextAsync("small", "x");
        await store.PutAsync("big", big, default);

        sent.Creating.ShouldBe([("PutObjectRequest", "AES256", null), ("InitiateMultipartUploadRequest", "AES256", null)]);
        foreach (var key in new[] { "backups/small", "backups/big" })
        {
            // AWS and Ceph from Quincy on report SSE-S3 back; Ceph Pacific accepts the header without reporting it.
            var reported = (await Bucket.HeadRawAsync(key)).ServerSideEncryptionMethod?.Value;
            (reported is null or "" or "AES256").ShouldBeTrue($"{key} reports encryption '{reported}'");
        }

        (await store.Sha256HexAsync("big")).ShouldBe(big.Sha256Hex());
    }

    [S3Fact]
    public async Task Kms_with_a_key_id_is_requested_on_single_and_multipart_puts_and_applied()
    {
        using var store = Bucket.Store(new S3StoreOptions { PartSize = 5 * MiB, ServerSideEncryption = S3StoreOptions.AwsKms, KmsKeyId = KmsKeyId });
        var sent = new EncryptionHeaderRecorder(store.Client);
        using var big = new PatternStream(12L * MiB);

        await store.PutTextAsync("small", "x");
        await store.PutAsync("big", big, default);

        sent.Creating.ShouldBe([("PutObjectRequest", "aws:kms", KmsKeyId), ("InitiateMultipartUploadRequest", "aws:kms", KmsKeyId)]);
        foreach (var key in new[] { "backups/small", "backups/big" })
        {
            var head = await Bucket.HeadRawAsync(key);
            head.ServerSideEncryptionMethod.ShouldBe(ServerSideEncryptionMethod.AWSKMS);
            head.ServerSideEncryptionKeyManagementServiceKeyId.ShouldEndWith(KmsKeyId);
        }

        (await store.ReadTextAsync("small")).ShouldBe("x");
        (await store.Sha256HexAsync("big")).ShouldBe(big.Sha256Hex());
    }
}
