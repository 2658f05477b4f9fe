using Backups.Storage.S3;
using Backups.Storage.Tests.Support;

namespace Backups.Storage.Tests.S3;

public sealed class S3ObjectStoreTests : S3BucketTest
{
    [S3Fact]
    public async Task An_object_put_can_be_read_back_headed_listed_and_deleted()
    {
        using var store = Bucket.Store();

        await store.PutTextAsync("snapshots/2024/manifest.json", "{\"rows\":18}");

        (await store.ReadTextAsync("snapshots/2024/manifest.json")).ShouldBe("{\"rows\":18}");
        (await store.HeadAsync("snapshots/2024/manifest.json", default)).ShouldBe(new ObjectInfo("snapshots/2024/manifest.json", 11, "STANDARD"));
        (await store.ListAllAsync()).ShouldBe([new ObjectInfo("snapshots/2024/manifest.json", 11, "STANDARD")]);
        (await Bucket.AllKeysAsync()).ShouldBe(["backups/snapshots/2024/manifest.json"]);

        await store.DeleteAsync("snapshots/2024/manifest.json", default);

        (await store.HeadAsync("snapshots/2024/manifest.json", default)).ShouldBeNull();
        (await store.ListAllAsync()).ShouldBeEmpty();
    }

    [S3Fact]
    public async Task Keys_are_listed_relative_to_the_prefix_in_ordinal_order_without_neighbours()
    {
        using var store = Bucket.Store(prefix: "vacols/");
        using var neighbour = Bucket.Store(prefix: "vacols-old/");
        string[] keys = ["a/b", "a-c", "a0", "B", "a/a/z"];
        foreach (var key in keys)
        {
            await store.PutTextAsync(key, key);
        }

        await neighbour.PutTextAsync("a", "not ours");

        (await store.ListAllAsync()).Select(o => o.Key).ShouldBe(["B", "a-c", "a/a/z", "a/b", "a0"]);
        (await store.ListAllAsync("a/")).Select(o => o.Key).ShouldBe(["a/a/z", "a/b"]);
    }

    [S3Fact]
    public async Task Listing_follows_continuation_pages()
    {
        using var store = new S3ObjectStore(StoreUrl.ForS3(Bucket.Name, "backups/")) { ListPageSize = 2 };
        for (var i = 0; i < 7; i++)
        {
            await store.PutTextAsync($"k{i}", "x");
        }

        (await store.ListAllAsync()).Select(o => o.Key).ShouldBe(Enumerable.Range(0, 7).Select(i => $"k{i}"));
    }

    [S3Fact]
    public async Task A_missing_object_is_not_found_and_deleting_it_is_not_an_error()
    {
        using var store = Bucket.Store();

        var error = await Should.ThrowAsync<ObjectNotFoundException>(() => store.OpenReadAsync("no/such", default));
        (await store.HeadAsync("no/such", default)).ShouldBeNull();
        await store.DeleteAsync("no/such", default);

        error.Message.ShouldContain($"s3://{Bucket.Name}/backups");
    }

    [S3Fact]
    public async Task Keys_that_could_escape_the_prefix_are_refused_before_any_request()
    {
        using var store = Bucket.Store();

        await Should.ThrowAsync<ArgumentException>(() => store.PutTextAsync("../escape", "x"));
        await Should.ThrowAsync<ArgumentException>(() => store.HeadAsync("/abs", default));
        (await Bucket.AllKeysAsync()).ShouldBeEmpty();
    }

    [S3Fact]
    public async Task A_store_at_the_bucket_root_uses_the_keys_as_given()
    {
        using var store = Bucket.Store(prefix: "");

        await store.PutTextAsync("top", "x");

        (await Bucket.AllKeysAsync()).ShouldBe(["top"]);
        store.Url.ShouldBe($"s3://{Bucket.Name}");
    }
}
