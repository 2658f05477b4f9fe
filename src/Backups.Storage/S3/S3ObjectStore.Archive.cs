using Amazon.S3;
using Amazon.S3.Model;
using NodaTime;

namespace Backups.Storage.S3;

/// <summary>
/// Archive storage classes through the S3 API: a class change is a copy of the object onto itself with the new
/// class (keeping metadata and server-side encryption); retrieval is RestoreObject, its progress the x-amz-restore
/// header of a HEAD. Ceph radosgw does not implement RestoreObject (it answers 501 NotImplemented, reported as
/// <see cref="NotSupportedException"/>) and serves GETs of GLACIER objects directly; before Reef it cannot copy
/// encrypted objects either (501), so a class change there falls back to reading the object and writing it again.
/// </summary>
public sealed partial class S3ObjectStore
{
    public async Task ChangeStorageClassAsync(string key, string storageClass, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(storageClass);
        var metadata = await HeadMetadataAsync(key, cancellationToken).ConfigureAwait(false)
            ?? throw new ObjectNotFoundException(Url, key);
        var current = StorageClassOf(metadata.StorageClass);
        if (current == storageClass)
        {
            return;
        }

        try
        {
            if (metadata.ContentLength <= MaxSingleCopySize)
            {
                await CopyOntoItselfAsync(key, storageClass, metadata, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await CopyOntoItselfInPartsAsync(key, storageClass, metadata, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "InvalidObjectState")
        {
            throw new ObjectArchivedException(Url, key, current, e);
        }
        catch (AmazonS3Exception e) when ((int)e.StatusCode == 501)
        {
            // Ceph radosgw before Reef cannot copy encrypted objects (501 NotImplemented): read and write again.
            await RewriteAsync(key, storageClass, metadata, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            throw _errors.Map(e, key, cancellationToken);
        }
    }

    public async Task RequestRestoreAsync(string key, int days, RestoreTier tier, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var metadata = await HeadMetadataAsync(key, cancellationToken).ConfigureAwait(false)
            ?? throw new ObjectNotFoundException(Url, key);
        if (!StorageClasses.NeedsRestore(StorageClassOf(metadata.StorageClass)))
        {
            return;
        }

        try
        {
            await _client.RestoreObjectAsync(
                new RestoreObjectRequest
                {
                    BucketName = _bucket,
                    Key = FullKey(key),
                    Days = days,
                    Tier = tier switch
                    {
                        RestoreTier.Bulk => GlacierJobTier.Bulk,
                        RestoreTier.Expedited => GlacierJobTier.Expedited,
                        _ => GlacierJobTier.Standard,
                    },
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "RestoreAlreadyInProgress")
        {
            // Asking twice is fine: the first request is being worked on.
        }
        catch (AmazonS3Exception e) when ((int)e.StatusCode == 501)
        {
            throw new NotSupportedException(
                $"the S3 server at {Options.EndpointForMessages} does not implement RestoreObject (501 {e.ErrorCode}) for {Url}/{key}", e);
        }
        catch (Exception e)
        {
            throw _errors.Map(e, key, cancellationToken);
        }
    }

    public async Task<RestoreStatus> GetRestoreStatusAsync(string key, CancellationToken cancellationToken)
    {
        var metadata = await HeadMetadataAsync(key, cancellationToken).ConfigureAwait(false)
            ?? throw new ObjectNotFoundException(Url, key);
        var storageClass = StorageClassOf(metadata.StorageClass);
        if (!StorageClasses.NeedsRestore(storageClass))
        {
            return new RestoreStatus(key, storageClass, RestoreState.NotArchived);
        }

        if (metadata.RestoreInProgress == true)
        {
            return new RestoreStatus(key, storageClass, RestoreState.InProgress);
        }

        return metadata.RestoreExpiration is { } expiry
            ? new RestoreStatus(key, storageClass, RestoreState.Restored, Instant.FromDateTimeUtc(DateTime.SpecifyKind(expiry.ToUniversalTime(), DateTimeKind.Utc)))
            : new RestoreStatus(key, storageClass, RestoreState.Archived);
    }

    private async Task CopyOntoItselfAsync(string key, string storageClass, GetObjectMetadataResponse metadata, CancellationToken cancellationToken)
    {
        var objectKey = FullKey(key);
        var (method, keyId) = EncryptionOf(metadata);
        await _client.CopyObjectAsync(
            new CopyObjectRequest
            {
                SourceBucket = _bucket,
                SourceKey = objectKey,
                DestinationBucket = _bucket,
                DestinationKey = objectKey,
                StorageClass = S3StorageClass.FindValue(storageClass),
                MetadataDirective = S3MetadataDirective.COPY,
                ServerSideEncryptionMethod = method,
                ServerSideEncryptionKeyManagementServiceKeyId = keyId,
            },
            cancellationToken).ConfigureAwait(false);
    }

    private async Task CopyOntoItselfInPartsAsync(string key, string storageClass, GetObjectMetadataResponse metadata, CancellationToken cancellationToken)
    {
        var objectKey = FullKey(key);
        var (method, keyId) = EncryptionOf(metadata);
        var initiate = new InitiateMultipartUploadRequest
        {
            BucketName = _bucket,
            Key = objectKey,
            StorageClass = S3StorageClass.FindValue(storageClass),
            ServerSideEncryptionMethod = method,
            ServerSideEncryptionKeyManagementServiceKeyId = keyId,
            ContentType = metadata.Headers.ContentType,
        };
        foreach (var name in metadata.Metadata.Keys)
        {
            initiate.Metadata.Add(name, metadata.Metadata[name]);
        }

        var uploadId = (await _client.InitiateMultipartUploadAsync(initiate, cancellationToken).ConfigureAwait(false)).UploadId;
        try
        {
            var parts = new List<PartETag>();
            var partNumber = 1;
            for (long first = 0; first < metadata.ContentLength; first += CopyPartSize, partNumber++)
            {
                var response = await _client.CopyPartAsync(
                    new CopyPartRequest
                    {
                        SourceBucket = _bucket,
                        SourceKey = objectKey,
                        DestinationBucket = _bucket,
                        DestinationKey = objectKey,
                        UploadId = uploadId,
                        PartNumber = partNumber,
                        FirstByte = first,
                        LastByte = Math.Min(first + CopyPartSize, metadata.ContentLength) - 1,
                        ETagToMatch = [metadata.ETag],
                    },
                    cancellationToken).ConfigureAwait(false);
                parts.Add(new PartETag(partNumber, response.ETag));
            }

            await _client.CompleteMultipartUploadAsync(
                new CompleteMultipartUploadRequest { BucketName = _bucket, Key = objectKey, UploadId = uploadId, PartETags = parts },
                cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await _client.AbortMultipartUploadAsync(
                new AbortMultipartUploadRequest { BucketName = _bucket, Key = objectKey, UploadId = uploadId },
                CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Replaces the object by a streamed copy of itself in the new class, with its own encryption.</summary>
    private async Task RewriteAsync(string key, string storageClass, GetObjectMetadataResponse metadata, CancellationToken cancellationToken)
    {
        var (method, keyId) = EncryptionOf(metadata);
        var kms = method == ServerSideEncryptionMethod.AWSKMS;
        var options = Options with
        {
            StorageClass = storageClass,
            ServerSideEncryption = kms ? S3StoreOptions.AwsKms : S3StoreOptions.Aes256,
            KmsKeyId = kms ? keyId : null,
        };
        try
        {
            using var response = await _client.GetObjectAsync(
                new GetObjectRequest { BucketName = _bucket, Key = FullKey(key), EtagToMatch = metadata.ETag },
                cancellationToken).ConfigureAwait(false);
            await new S3Upload(_client, options, _bufferPool, _bucket, FullKey(key))
                .RunAsync(response.ResponseStream, cancellationToken).ConfigureAwait(false);
        }
        catch (ContentStreamException e)
        {
            throw _errors.Map(e.InnerException!, key, cancellationToken);
        }
        catch (Exception e)
        {
            throw _errors.Map(e, key, cancellationToken);
        }
    }

    /// <summary>The object's own encryption, or the store's when the object has none recorded.</summary>
    private (ServerSideEncryptionMethod Method, string? KeyId) EncryptionOf(GetObjectMetadataResponse metadata)
    {
        var method = metadata.ServerSideEncryptionMethod;
        if (method is null || string.IsNullOrEmpty(method.Value) || method == ServerSideEncryptionMethod.None)
        {
            return (S3Requests.Method(Options.ServerSideEncryption),
                Options.ServerSideEncryption == S3StoreOptions.AwsKms ? Options.KmsKeyId : null);
        }

        return (method, method == ServerSideEncryptionMethod.AWSKMS ? metadata.ServerSideEncryptionKeyManagementServiceKeyId : null);
    }
}
