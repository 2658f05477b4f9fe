using Backups.Storage.Files;
using Backups.Storage.Tests.Support;
using Backups.Storage.Wrappers;

namespace Backups.Storage.Tests.Wrappers;

public sealed class FaultInjectingObjectStoreTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly FaultInjectingObjectStore _store;

    public FaultInjectingObjectStoreTests() => _store = new FaultInjectingObjectStore(new FileObjectStore(_directory.Path));

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Only_the_chosen_call_of_the_chosen_operation_fails()
    {
        _store.FailCall(StoreOperation.Put, 2);

        await _store.PutTextAsync("a", "1");
        var error = await Should.ThrowAsync<StoreUnavailableException>(() => _store.PutTextAsync("b", "2"));
        await _store.PutTextAsync("c", "3");

        error.IsTransient.ShouldBeTrue();
        error.Message.ShouldContain("503");
        (await _store.ListAllAsync()).Select(o => o.Key).ShouldBe(["a", "c"]);
        _store.Calls(StoreOperation.Put).ShouldBe(3);
        _store.Calls(StoreOperation.List).ShouldBe(1);
    }

    [Fact]
    public async Task A_given_exception_is_thrown_as_is()
    {
        var expected = new TimeoutException("slow network");
        _store.FailCall(StoreOperation.List, 1, () => expected);

        (await Should.ThrowAsync<TimeoutException>(async () => await _store.ListAllAsync())).ShouldBeSameAs(expected);
    }

    [Fact]
    public async Task A_put_whose_content_breaks_after_n_bytes_fails_in_the_inner_store_and_leaves_nothing()
    {
        _store.FailPutAfterBytes(1000);

        var error = await Should.ThrowAsync<IOException>(() => _store.PutAsync("k", new MemoryStream(new byte[5000]), default));

        error.Message.ShouldContain("after 1000 bytes");
        (await _store.Inner().ListAllAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Content_shorter_than_the_fault_limit_goes_through()
    {
        _store.FailPutAfterBytes(1000);

        await _store.PutAsync("k", new MemoryStream(new byte[1000]), default);

        (await _store.HeadAsync("k", default))!.Size.ShouldBe(1000);
    }
}
