using Amazon.S3;
using Amazon.S3.Model;

namespace Backups.Storage.S3;

/// <summary>Server-side encryption settings applied to every request that creates an object.</summary>
internal static class S3Requests
{
    public static void ApplyEncryption(PutObjectRequest request, S3StoreOptions options)
    {
        request.ServerSideEncryptionMethod = Method(options.ServerSideEncryption);
        request.ServerSideEncryptionKeyManagementServiceKeyId = KeyId(options);
    }

    public static void ApplyEncryption(InitiateMultipartUploadRequest request, S3StoreOptions options)
    {
        request.ServerSideEncryptionMethod = Method(options.ServerSideEncryption);
        request.ServerSideEncryptionKeyManagementServiceKeyId = KeyId(options);
    }

    public static ServerSideEncryptionMethod Method(string name) =>
        name == S3StoreOptions.AwsKms ? ServerSideEncryptionMethod.AWSKMS : ServerSideEncryptionMethod.AES256;

    private static string? KeyId(S3StoreOptions options) =>
        options.ServerSideEncryption == S3StoreOptions.AwsKms ? options.KmsKeyId : null;
}
