using System.Runtime.CompilerServices;
using Amazon.S3;
using Amazon.S3.Model;
using NodaTime;

namespace Backups.Storage.S3;

/// <summary>
/// Open multipart uploads below the store's prefix (ListMultipartUploads) and their abort (AbortMultipartUpload): what
/// a process killed in the middle of a large put leaves behind. Their parts are billed but form no object.
/// </summary>
public sealed partial class S3ObjectStore : IMultipartUploadLister, IMultipartUploadAborter
{
    public async IAsyncEnumerable<OpenMultipartUpload> ListMultipartUploadsAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ObjectKey.ValidatePrefix(prefix);
        var request = new ListMultipartUploadsRequest { BucketName = _bucket, Prefix = _prefix + prefix };
        while (true)
        {
            ListMultipartUploadsResponse page;
            try
            {
                page = await _client.ListMultipartUploadsAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                throw _errors.Map(e, string.Empty, cancellationToken);
            }

            foreach (var upload in page.MultipartUploads ?? [])
            {
                if (upload.Key is { } key && key.Length > _prefix.Length && key.StartsWith(_prefix, StringComparison.Ordinal))
                {
                    yield return new OpenMultipartUpload(key[_prefix.Length..], upload.UploadId, InstantOf(upload.Initiated));
                }
            }

            if (page.IsTruncated != true || (string.IsNullOrEmpty(page.NextKeyMarker) && string.IsNullOrEmpty(page.NextUploadIdMarker)))
            {
                yield break;
            }

            request.KeyMarker = page.NextKeyMarker;
            request.UploadIdMarker = page.NextUploadIdMarker;
        }
    }

    public async Task AbortMultipartUploadAsync(OpenMultipartUpload upload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var objectKey = FullKey(upload.Key);
        try
        {
            await _client.AbortMultipartUploadAsync(
                new AbortMultipartUploadRequest { BucketName = _bucket, Key = objectKey, UploadId = upload.UploadId },
                cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchUpload")
        {
            // Completed or aborted meanwhile: nothing is open any more.
        }
        catch (Exception e)
        {
            throw _errors.Map(e, upload.Key, cancellationToken);
        }
    }

    private static Instant? InstantOf(DateTime? time) => time switch
    {
        null => null,
        { Kind: DateTimeKind.Utc } utc => Instant.FromDateTimeUtc(utc),
        { } other => Instant.FromDateTimeUtc(DateTime.SpecifyKind(other.ToUniversalTime(), DateTimeKind.Utc)),
    };
}
