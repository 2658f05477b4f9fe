using Amazon.Runtime;
using Amazon.S3;

namespace Backups.Storage.Tests.Support;

/// <summary>
/// Records, for each request the server answered, its type and the server-side encryption header it carried,
/// as sent over the wire to the real server.
/// </summary>
internal sealed class EncryptionHeaderRecorder
{
    private readonly List<(string Request, string? Encryption, string? KeyId)> _requests = [];

    public EncryptionHeaderRecorder(IAmazonS3 client) =>
        ((AmazonS3Client)client).AfterResponseEvent += (_, e) =>
        {
            if (e is WebServiceResponseEventArgs response)
            {
                lock (_requests)
                {
                    _requests.Add((
                        response.Request.GetType().Name,
                        response.RequestHeaders.TryGetValue("x-amz-server-side-encryption", out var method) ? method : null,
                        response.RequestHeaders.TryGetValue("x-amz-server-side-encryption-aws-kms-key-id", out var key) ? key : null));
                }
            }
        };

    /// <summary>Requests that create objects: PutObject, InitiateMultipartUpload, CopyObject.</summary>
    public IReadOnlyList<(string Request, string? Encryption, string? KeyId)> Creating
    {
        get
        {
            lock (_requests)
            {
                return _requests.Where(r => r.Request is "PutObjectRequest" or "InitiateMultipartUploadRequest" or "CopyObjectRequest").ToList();
            }
        }
    }
}
