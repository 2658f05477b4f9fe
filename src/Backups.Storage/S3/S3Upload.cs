using System.Buffers;
using System.Runtime.ExceptionServices;
using Amazon.S3;
using Amazon.S3.Model;

namespace Backups.Storage.S3;

/// <summary>
/// One streamed put. The content is read into part buffers of <see cref="S3StoreOptions.PartSize"/> rented from a pool;
/// content that fits in one part is sent with a single PutObject, anything larger as a multipart upload with at most
/// <see cref="S3StoreOptions.MaxConcurrentParts"/> parts in flight while the next one is read, so at most
/// MaxConcurrentParts + 1 buffers are held. Any failure or cancellation aborts the multipart upload, leaving nothing.
/// Each part is sent from a seekable in-memory buffer, so the SDK's own retries resend failed parts individually.
/// Errors of the content stream are wrapped in <see cref="ContentStreamException"/>.
/// </summary>
internal sealed class S3Upload(IAmazonS3 client, S3StoreOptions options, ArrayPool<byte> pool, string bucket, string objectKey)
{
    private const int MaxParts = 10_000;

    private readonly int _partSize = options.PartSize;

    public async Task RunAsync(Stream content, CancellationToken cancellationToken)
    {
        var first = pool.Rent(_partSize);
        byte[]? second = null;
        try
        {
            var firstLength = await FillAsync(content, first, cancellationToken).ConfigureAwait(false);
            var secondLength = 0;
            if (firstLength == _partSize)
            {
                second = pool.Rent(_partSize);
                secondLength = await FillAsync(content, second, cancellationToken).ConfigureAwait(false);
            }

            if (secondLength == 0)
            {
                await PutSingleAsync(first, firstLength, cancellationToken).ConfigureAwait(false);
                return;
            }

            // Ownership of both buffers passes to the multipart upload.
            var (a, b) = (first, second!);
            first = null;
            second = null;
            await PutMultipartAsync(content, a, firstLength, b, secondLength, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ReturnBuffer(first);
            ReturnBuffer(second);
        }
    }

    private async Task PutSingleAsync(byte[] buffer, int length, CancellationToken cancellationToken)
    {
        var request = new PutObjectRequest
        {
            BucketName = bucket,
            Key = objectKey,
            InputStream = new MemoryStream(buffer, 0, length, writable: false),
            AutoCloseStream = true,
            StorageClass = S3StorageClass.FindValue(options.StorageClass),
        };
        S3Requests.ApplyEncryption(request, options);
        if (options.IsCustomEndpoint)
        {
            request.UseChunkEncoding = false;
        }

        await client.PutObjectAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task PutMultipartAsync(
        Stream content, byte[] first, int firstLength, byte[] second, int secondLength, CancellationToken cancellationToken)
    {
        // Buffers not yet handed to a part upload; returned to the pool on the way out.
        byte[]? current = first;
        byte[]? following = second;
        try
        {
            var initiate = new InitiateMultipartUploadRequest
            {
                BucketName = bucket,
                Key = objectKey,
                StorageClass = S3StorageClass.FindValue(options.StorageClass),
            };
            S3Requests.ApplyEncryption(initiate, options);
            var uploadId = (await client.InitiateMultipartUploadAsync(initiate, cancellationToken).ConfigureAwait(false)).UploadId;

            using var failure = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var slots = new SemaphoreSlim(options.MaxConcurrentParts);
            var parts = new List<Task<PartETag>>();
            try
            {
                var partNumber = 1;
                var length = firstLength;
                while (true)
                {
                    // Each part is sent as soon as a slot is free; while up to MaxConcurrentParts parts are in flight
                    // only the buffer being filled is held besides theirs.
                    if (partNumber > MaxParts)
                    {
                        throw new InvalidOperationException(
                            $"s3://{bucket}/{objectKey} needs more than {MaxParts} parts of {_partSize} bytes: raise PartSize");
                    }

                    await slots.WaitAsync(failure.Token).ConfigureAwait(false);
                    var buffer = current!;
                    current = null;
                    parts.Add(UploadPartAsync(uploadId, partNumber++, buffer, length, slots, failure));
                    if (length < _partSize)
                    {
                        break;
                    }

                    if (following is not null)
                    {
                        (current, length, following) = (following, secondLength, null);
                    }
                    else
                    {
                        current = pool.Rent(_partSize);
                        length = await FillAsync(content, current, failure.Token).ConfigureAwait(false);
                    }

                    if (length == 0)
                    {
                        break;
                    }
                }

                var etags = await Task.WhenAll(parts).ConfigureAwait(false);
                await client.CompleteMultipartUploadAsync(
                    new CompleteMultipartUploadRequest
                    {
                        BucketName = bucket,
                        Key = objectKey,
                        UploadId = uploadId,
                        PartETags = [.. etags],
                    },
                    cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error)
            {
                await failure.CancelAsync().ConfigureAwait(false);
                var partFailure = await DrainAsync(parts).ConfigureAwait(false);
                await AbortAsync(uploadId).ConfigureAwait(false);

                // A failed part cancels the reading loop; report the part's error rather than that cancellation.
                if (error is OperationCanceledException && !cancellationToken.IsCancellationRequested && partFailure is not null)
                {
                    ExceptionDispatchInfo.Throw(partFailure);
                }

                throw;
            }
        }
        finally
        {
            ReturnBuffer(current);
            ReturnBuffer(following);
        }
    }

    private async Task<PartETag> UploadPartAsync(
        string uploadId, int partNumber, byte[] buffer, int length, SemaphoreSlim slots, CancellationTokenSource failure)
    {
        try
        {
            var request = new UploadPartRequest
            {
                BucketName = bucket,
                Key = objectKey,
                UploadId = uploadId,
                PartNumber = partNumber,
                InputStream = new MemoryStream(buffer, 0, length, writable: false),
            };
            if (options.IsCustomEndpoint)
            {
                request.UseChunkEncoding = false;
            }

            var response = await client.UploadPartAsync(request, failure.Token).ConfigureAwait(false);
            return new PartETag(partNumber, response.ETag);
        }
        catch
        {
            await failure.CancelAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            pool.Return(buffer);
            slots.Release();
        }
    }

    private static async Task<Exception?> DrainAsync(List<Task<PartETag>> parts)
    {
        Exception? first = null;
        foreach (var part in parts)
        {
            try
            {
                await part.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
            catch (Exception e)
            {
                first ??= e;
            }
        }

        return first;
    }

    private async Task AbortAsync(string uploadId)
    {
        try
        {
            await client.AbortMultipartUploadAsync(
                new AbortMultipartUploadRequest { BucketName = bucket, Key = objectKey, UploadId = uploadId },
                CancellationToken.None).ConfigureAwait(false);
        }
        catch (AmazonS3Exception)
        {
            // Best effort: a bucket lifecycle rule for incomplete uploads is the backstop.
        }
        catch (HttpRequestException)
        {
        }
    }

    private async Task<int> FillAsync(Stream content, byte[] buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < _partSize)
        {
            int read;
            try
            {
                read = await content.ReadAsync(buffer.AsMemory(filled, _partSize - filled), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new ContentStreamException(e);
            }

            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return filled;
    }

    private void ReturnBuffer(byte[]? buffer)
    {
        if (buffer is not null)
        {
            pool.Return(buffer);
        }
    }
}
