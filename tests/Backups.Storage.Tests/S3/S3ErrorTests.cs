using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.S3;
using Backups.Storage.S3;
using Backups.Storage.Tests.Support;
using Backups.Storage.Wrappers;

namespace Backups.Storage.Tests.S3;

public sealed class S3ErrorTests : S3BucketTest
{
    private static string Endpoint => S3TestEnvironment.Endpoint!;

    [S3Fact]
    public async Task A_missing_bucket_is_unavailable_naming_the_bucket_and_endpoint()
    {
        var missing = $"missing-{Guid.NewGuid():N}";
        using var store = Bucket.Store(bucket: missing);
        var expected = $"S3 bucket '{missing}' does not exist at {Endpoint}";

        (await Should.ThrowAsync<StoreUnavailableException>(() => store.HeadAsync("k", default))).Message.ShouldBe(expected);
        (await Should.ThrowAsync<StoreUnavailableException>(async () => await store.ListAllAsync())).Message.ShouldBe(expected);
        (await Should.ThrowAsync<StoreUnavailableException>(() => store.PutTextAsync("k", "v"))).Message.ShouldBe(expected);
        (await Should.ThrowAsync<StoreUnavailableException>(() => store.OpenReadAsync("k", default))).Message.ShouldBe(expected);
    }

    /// <summary>
    /// radosgw answers a PUT into a missing bucket (or one it refuses) without reading the body, and keeps the
    /// connection open: the unread body would prefix the next request sent on it ("vHEAD ..." answered 405). Requests
    /// with a body to an S3-compatible endpoint therefore close their connection, and the stores sharing the pool
    /// keep working.
    /// </summary>
    [S3Fact]
    public async Task A_refused_put_leaves_no_unread_body_on_a_connection_that_the_next_request_reuses()
    {
        using var good = Bucket.Store();
        using var missing = Bucket.Store(bucket: $"missing-{Guid.NewGuid():N}");
        using var denied = Bucket.Store(credentials: new BasicAWSCredentials("WRONGACCESSKEY000000", "wrong-secret"));
        await good.PutTextAsync("a", "kept");

        for (var round = 0; round < 10; round++)
        {
            await Should.ThrowAsync<StoreUnavailableException>(() => missing.PutTextAsync("k", "leftover body"));
            (await good.HeadAsync("a", default)).ShouldNotBeNull($"round {round}: a HEAD after a refused put");
            (await good.ReadTextAsync("a")).ShouldBe("kept", $"round {round}");
            await Should.ThrowAsync<StoreUnavailableException>(() => denied.PutTextAsync("k", "another leftover"));
            await good.PutTextAsync($"b{round}", "x");
        }
    }

    [S3Fact]
    public async Task A_wrong_endpoint_port_is_unavailable_saying_the_connection_was_refused()
    {
        var port = FreePort();
        var endpoint = $"http://127.0.0.1:{port}";
        using var store = Bucket.Store(new S3StoreOptions { ServiceUrl = endpoint });

        var error = await Should.ThrowAsync<StoreUnavailableException>(() => store.HeadAsync("k", default));

        error.Message.ShouldStartWith($"cannot connect to S3 endpoint {endpoint} for s3://{Bucket.Name}/backups/k: connection refused");
    }

    [S3Fact]
    public async Task Wrong_credentials_are_unavailable_saying_access_was_denied()
    {
        using var good = Bucket.Store();
        await good.PutTextAsync("k", "v");
        using var store = Bucket.Store(credentials: new BasicAWSCredentials("WRONGACCESSKEY000000", "wrong-secret"));

        var read = await Should.ThrowAsync<StoreUnavailableException>(() => store.OpenReadAsync("k", default));
        var put = await Should.ThrowAsync<StoreUnavailableException>(() => store.PutTextAsync("k", "overwritten?"));

        read.Message.ShouldStartWith($"access denied by {Endpoint} for s3://{Bucket.Name}/backups/k: check credentials");
        put.Message.ShouldStartWith($"access denied by {Endpoint} for s3://{Bucket.Name}/backups/k: check credentials");
        read.IsTransient.ShouldBeFalse();
        (await good.ReadTextAsync("k")).ShouldBe("v");
    }

    [S3Fact]
    public async Task The_retry_wrapper_retries_an_injected_503_and_then_reaches_the_server()
    {
        using var s3 = Bucket.Store();
        await s3.PutTextAsync("k", "v");
        var faults = new FaultInjectingObjectStore(s3)
            .FailCall(StoreOperation.OpenRead, 1, () => new AmazonS3Exception("Please reduce your request rate.") { StatusCode = HttpStatusCode.ServiceUnavailable, ErrorCode = "SlowDown" });
        var store = new RetryingObjectStore(faults, new StoreRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1) });

        (await store.ReadTextAsync("k")).ShouldBe("v");
        faults.Calls(StoreOperation.OpenRead).ShouldBe(2);
    }

    [S3Fact]
    public async Task The_retry_wrapper_does_not_retry_a_404_from_the_server()
    {
        using var s3 = Bucket.Store();
        var faults = new FaultInjectingObjectStore(s3);
        var store = new RetryingObjectStore(faults, new StoreRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1) });

        await Should.ThrowAsync<ObjectNotFoundException>(() => store.OpenReadAsync("missing", default));

        faults.Calls(StoreOperation.OpenRead).ShouldBe(1);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
