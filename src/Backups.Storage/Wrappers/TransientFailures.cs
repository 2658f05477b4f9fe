using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;

namespace Backups.Storage.Wrappers;

/// <summary>Which failures are worth trying again: throttling (429, 503 SlowDown), other 5xx, dropped connections.</summary>
public static class TransientFailures
{
    public static bool IsTransient(Exception error) => error switch
    {
        StoreUnavailableException unavailable => unavailable.IsTransient,
        ObjectNotFoundException or ObjectArchivedException or NotSupportedException or ArgumentException => false,
        OperationCanceledException => false,
        AmazonServiceException service => IsTransientStatus(service.StatusCode, service.ErrorCode)
                                          || (service.StatusCode == 0 && service.InnerException is { } inner && IsTransient(inner)),
        HttpRequestException { StatusCode: { } status } => IsTransientStatus(status, null),
        HttpRequestException or SocketException or TimeoutException => true,
        IOException { InnerException: SocketException } => true,
        _ => false,
    };

    private static bool IsTransientStatus(HttpStatusCode status, string? errorCode) =>
        (int)status is 429 or >= 500 and not 501
        || errorCode is "SlowDown" or "Throttling" or "ThrottlingException" or "RequestTimeout" or "RequestTimeTooSkewed";
}
