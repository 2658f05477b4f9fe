using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;

namespace Backups.Storage.S3;

/// <summary>Turns SDK and network errors into the store's exceptions with messages that say what to fix.</summary>
internal sealed class S3ErrorMapper(string storeUrl, string bucket, string endpoint)
{
    /// <summary>
    /// The exception to throw for <paramref name="error"/> raised while working on <paramref name="key"/>
    /// (relative to the store root; empty for store-wide calls). Cancellation asked for by the caller passes through.
    /// </summary>
    public Exception Map(Exception error, string key, CancellationToken cancellationToken)
    {
        if (error is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            return error;
        }

        if (error is ObjectNotFoundException or ObjectArchivedException or StoreUnavailableException or NotSupportedException or ArgumentException)
        {
            return error;
        }

        var location = key.Length == 0 ? storeUrl : $"{storeUrl.TrimEnd('/')}/{key}";
        return error switch
        {
            _ when Network(error) is { } socket => NetworkError(socket, location, error),
            AmazonServiceException { StatusCode: 0, ErrorCode: null, InnerException: HttpRequestException or IOException } =>
                new StoreUnavailableException($"network error talking to {endpoint} for {location}: {error.InnerException.Message}", error, isTransient: true),
            AmazonServiceException service => MapService(service, key, location),
            AmazonClientException client when client.Message.Contains("credentials", StringComparison.OrdinalIgnoreCase) =>
                new StoreUnavailableException(
                    $"no AWS credentials found for {location} at {endpoint}: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY or an AWS profile ({client.Message})",
                    error),
            OperationCanceledException or TimeoutException =>
                new StoreUnavailableException($"S3 request for {location} to {endpoint} timed out", error, isTransient: true),
            HttpRequestException or IOException =>
                new StoreUnavailableException($"network error talking to {endpoint} for {location}: {error.Message}", error, isTransient: true),
            _ => error,
        };
    }

    private Exception MapService(AmazonServiceException error, string key, string location)
    {
        var status = (int)error.StatusCode;
        var code = error.ErrorCode ?? string.Empty;
        var detail = $"{status} {code}: {error.Message}".TrimEnd(':', ' ');
        return code switch
        {
            "NoSuchKey" => new ObjectNotFoundException(storeUrl, key),
            "NoSuchBucket" => new StoreUnavailableException($"S3 bucket '{bucket}' does not exist at {endpoint}", error),
            "InvalidObjectState" when key.Length > 0 =>
                new ObjectArchivedException(storeUrl, key, "an archive storage class", error),
            "AccessDenied" or "InvalidAccessKeyId" or "SignatureDoesNotMatch" or "InvalidToken" or "ExpiredToken"
                or "TokenRefreshRequired" or "AllAccessDisabled" =>
                new StoreUnavailableException($"access denied by {endpoint} for {location}: check credentials ({detail})", error),
            "SlowDown" or "Throttling" or "ThrottlingException" or "RequestTimeout" or "RequestTimeTooSkewed" or "InternalError"
                or "ServiceUnavailable" =>
                new StoreUnavailableException($"S3 endpoint {endpoint} is busy or failing for {location} ({detail}); try again later", error, isTransient: true),
            _ when status == 501 =>
                new NotSupportedException($"the S3 server at {endpoint} does not implement this request for {location} ({detail})", error),
            _ when status is 429 or >= 500 =>
                new StoreUnavailableException($"S3 endpoint {endpoint} is busy or failing for {location} ({detail}); try again later", error, isTransient: true),
            _ when status == 403 =>
                new StoreUnavailableException($"access denied by {endpoint} for {location}: check credentials ({detail})", error),
            _ when status == 404 && key.Length > 0 => new ObjectNotFoundException(storeUrl, key),
            _ => new StoreUnavailableException($"S3 request for {location} failed at {endpoint} ({detail})", error),
        };
    }

    private StoreUnavailableException NetworkError(SocketException socket, string location, Exception error) =>
        socket.SocketErrorCode switch
        {
            SocketError.ConnectionRefused =>
                new StoreUnavailableException($"cannot connect to S3 endpoint {endpoint} for {location}: connection refused (is the server running and the port right?)", error, isTransient: true),
            SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain =>
                new StoreUnavailableException($"cannot resolve the S3 endpoint host of {endpoint} for {location}: {socket.Message}", error),
            _ => new StoreUnavailableException($"network error talking to {endpoint} for {location}: {socket.Message}", error, isTransient: true),
        };

    private static SocketException? Network(Exception error)
    {
        for (Exception? current = error; current is not null; current = current.InnerException)
        {
            if (current is SocketException socket)
            {
                return socket;
            }
        }

        return null;
    }

    internal static bool IsNotFound(AmazonServiceException error) =>
        error.StatusCode == HttpStatusCode.NotFound && error.ErrorCode is not "NoSuchBucket";
}
