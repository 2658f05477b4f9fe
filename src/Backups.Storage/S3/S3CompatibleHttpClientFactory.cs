using System.Net;
using Amazon.Runtime;

namespace Backups.Storage.S3;

/// <summary>
/// The HTTP client for S3-compatible servers (a custom endpoint). Ceph radosgw answers some requests that carry a body
/// (a PUT into a missing bucket, a PUT with bad credentials) before reading that body, and keeps the connection open:
/// the unread bytes then prefix the next request sent on it, which fails as a malformed request (<c>405</c>, <c>400</c>)
/// although nothing is wrong with it. Every request with a body is therefore sent with <c>Connection: close</c>, so that
/// its connection is never reused; requests without one (GET, HEAD, LIST, DELETE) keep the pooled connections. Bodies
/// here are parts of megabytes, so the extra connection per put costs nothing measurable.
/// </summary>
/// <remarks>Amazon S3 itself drains or closes as HTTP requires; the SDK's own client is used there.</remarks>
internal sealed class S3CompatibleHttpClientFactory : HttpClientFactory
{
    public static readonly S3CompatibleHttpClientFactory Instance = new();

    public override HttpClient CreateHttpClient(IClientConfig clientConfig)
    {
        ArgumentNullException.ThrowIfNull(clientConfig);
        var sockets = new SocketsHttpHandler
        {
            AllowAutoRedirect = clientConfig.AllowAutoRedirect,
            AutomaticDecompression = DecompressionMethods.None,
            MaxConnectionsPerServer = clientConfig.MaxConnectionsPerServer ?? int.MaxValue,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        if (clientConfig.GetWebProxy() is { } proxy)
        {
            sockets.Proxy = proxy;
            sockets.UseProxy = true;
        }
        // Like the SDK's own S3 client: no client-wide timeout unless one is configured (parts may take long).
        return new HttpClient(new CloseAfterBody(sockets), disposeHandler: true)
        {
            Timeout = clientConfig.Timeout ?? Timeout.InfiniteTimeSpan,
        };
    }

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => true;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;

    public override string GetConfigUniqueString(IClientConfig clientConfig)
    {
        ArgumentNullException.ThrowIfNull(clientConfig);
        return $"backups-s3-compatible:{clientConfig.Timeout}:{clientConfig.MaxConnectionsPerServer}:{clientConfig.AllowAutoRedirect}:{clientConfig.ProxyHost}:{clientConfig.ProxyPort}";
    }

    /// <summary>Marks every request that carries a body <c>Connection: close</c>.</summary>
    internal sealed class CloseAfterBody(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Content is not null)
            {
                request.Headers.ConnectionClose = true;
            }
            return base.SendAsync(request, cancellationToken);
        }
    }
}
