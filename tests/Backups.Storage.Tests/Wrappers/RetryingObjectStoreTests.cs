using System.Net;
using Amazon.S3;
using Backups.Storage.Files;
using Backups.Storage.Tests.Support;
using Backups.Storage.Wrappers;

namespace Backups.Storage.Tests.Wrappers;

public sealed class RetryingObjectStoreTests : IDisposable
{
    private static readonly StoreRetryOptions Fast = new() { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) };

    private readonly TempDirectory _directory = new();
    private readonly FaultInjectingObjectStore _faults;
    private readonly List<StoreRetry> _retries = [];
    private readonly RetryingObjectStore _store;

    public RetryingObjectStoreTests()
    {
        _faults = new FaultInjectingObjectStore(new FileObjectStore(_directory.Path));
        _store = new RetryingObjectStore(_faults, Fast with { OnRetry = _retries.Add });
    }

    public void Dispose() => _directory.Dispose();

    private static AmazonS3Exception SlowDown() =>
        new("Please reduce your request rate.") { StatusCode = HttpStatusCode.ServiceUnavailable, ErrorCode = "SlowDown" };

    [Fact]
    public async Task A_503_slow_down_is_retried_until_the_call_succeeds()
    {
        await _faults.Inner().PutTextAsync("k", "v");
        _faults.FailCalls(StoreOperation.Head, n => n <= 2, SlowDown);

        var info = await _store.HeadAsync("k", default);

        info.ShouldBe(new ObjectInfo("k", 1));
        _faults.Calls(StoreOperation.Head).ShouldBe(3);
        _retries.Select(r => (r.Operation, r.Key, r.FailedAttempt)).ShouldBe([(StoreOperation.Head, "k", 1), (StoreOperation.Head, "k", 2)]);
        _retries[0].Error.ShouldBeOfType<AmazonS3Exception>();
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, "TooManyRequests")]
    [InlineData(HttpStatusCode.InternalServerError, "InternalError")]
    [InlineData(HttpStatusCode.BadGateway, null)]
    public async Task Throttling_and_server_errors_are_retried(HttpStatusCode status, string? code)
    {
        await _faults.Inner().PutTextAsync("k", "v");
        _faults.FailCall(StoreOperation.OpenRead, 1, () => new AmazonS3Exception("server trouble") { StatusCode = status, ErrorCode = code });

        (await _store.ReadTextAsync("k")).ShouldBe("v");
        _faults.Calls(StoreOperation.OpenRead).ShouldBe(2);
    }

    [Fact]
    public async Task A_missing_object_is_not_retried()
    {
        await Should.ThrowAsync<ObjectNotFoundException>(() => _store.OpenReadAsync("missing", default));

        _faults.Calls(StoreOperation.OpenRead).ShouldBe(1);
        _retries.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, "NoSuchKey")]
    [InlineData(HttpStatusCode.Forbidden, "AccessDenied")]
    [InlineData(HttpStatusCode.BadRequest, "InvalidRequest")]
    [InlineData(HttpStatusCode.NotImplemented, "NotImplemented")]
    public async Task Client_errors_are_not_retried(HttpStatusCode status, string code)
    {
        _faults.FailCalls(StoreOperation.Delete, _ => true, () => new AmazonS3Exception("no") { StatusCode = status, ErrorCode = code });

        await Should.ThrowAsync<AmazonS3Exception>(() => _store.DeleteAsync("k", default));

        _faults.Calls(StoreOperation.Delete).ShouldBe(1);
    }

    [Fact]
    public async Task A_permanent_unavailability_is_not_retried_but_a_transient_one_is()
    {
        _faults.FailCall(StoreOperation.Delete, 1, () => new StoreUnavailableException("bucket gone"));
        _faults.FailCall(StoreOperation.Delete, 2, () => new StoreUnavailableException("busy", isTransient: true));

        await Should.ThrowAsync<StoreUnavailableException>(() => _store.DeleteAsync("k", default));
        await _store.DeleteAsync("k", default);

        _faults.Calls(StoreOperation.Delete).ShouldBe(3);
    }

    [Fact]
    public async Task Retries_stop_after_the_configured_number_of_attempts()
    {
        _faults.FailCalls(StoreOperation.Head, _ => true);

        var error = await Should.ThrowAsync<StoreUnavailableException>(() => _store.HeadAsync("k", default));

        error.IsTransient.ShouldBeTrue();
        _faults.Calls(StoreOperation.Head).ShouldBe(Fast.MaxRetryAttempts + 1);
    }

    [Fact]
    public async Task A_put_from_a_seekable_stream_is_retried_from_where_it_started()
    {
        _faults.FailPutAfterBytes(3, callNumber: 1, error: () => new StoreUnavailableException("dropped", isTransient: true));
        var content = new MemoryStream("skip:the whole content"u8.ToArray());
        content.Position = 5;

        await _store.PutAsync("k", content, default);

        (await _store.ReadTextAsync("k")).ShouldBe("the whole content");
        _faults.Calls(StoreOperation.Put).ShouldBe(2);
    }

    [Fact]
    public async Task A_put_from_a_non_seekable_stream_is_tried_once()
    {
        _faults.FailCall(StoreOperation.Put, 1);
        using var content = new PatternStream(100);

        await Should.ThrowAsync<StoreUnavailableException>(() => _store.PutAsync("k", content, default));

        _faults.Calls(StoreOperation.Put).ShouldBe(1);
    }

    [Fact]
    public async Task A_listing_that_fails_part_way_resumes_after_the_last_key_returned()
    {
        foreach (var key in new[] { "a", "b", "c", "d" })
        {
            await _faults.Inner().PutTextAsync(key, key);
        }

        var flaky = new FlakyListStore(_faults, failAfterItems: 2);
        var store = new RetryingObjectStore(flaky, Fast);

        (await store.ListAllAsync()).Select(o => o.Key).ShouldBe(["a", "b", "c", "d"]);
        flaky.Listings.ShouldBe(2);
    }

    [Fact]
    public async Task Cancellation_is_not_retried()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => _store.HeadAsync("k", cancel.Token));
        _faults.Calls(StoreOperation.Head).ShouldBeLessThanOrEqualTo(1);
    }

    [Fact]
    public async Task The_archive_ability_of_the_inner_store_shows_through_the_wrapper()
    {
        _store.AsArchiveStore().ShouldBeNull();
        await Should.ThrowAsync<NotSupportedException>(() => _store.ChangeStorageClassAsync("k", "GLACIER", default));
    }
}
