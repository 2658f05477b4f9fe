using Backups.Storage.Files;
using Backups.Storage.S3;
using Backups.Storage.Tests.Support;
using Backups.Storage.Wrappers;

namespace Backups.Storage.Tests.Wrappers;

public sealed class DryRunObjectStoreTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly FileObjectStore _inner;
    private readonly List<SkippedMutation> _skipped = [];
    private readonly DryRunObjectStore _store;

    public DryRunObjectStoreTests()
    {
        _inner = new FileObjectStore(_directory.Path);
        _store = new DryRunObjectStore(_inner, _skipped.Add);
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Puts_and_deletes_are_reported_instead_of_made()
    {
        await _inner.PutTextAsync("existing", "keep me");
        using var content = new PatternStream(12345);

        await _store.PutAsync("new", content, default);
        await _store.DeleteAsync("existing", default);

        content.Position.ShouldBe(12345);
        (await _inner.ListAllAsync()).Select(o => o.Key).ShouldBe(["existing"]);
        _skipped.ShouldBe(
        [
            new SkippedMutation(MutationKind.Put, _inner.Url, "new", Size: 12345),
            new SkippedMutation(MutationKind.Delete, _inner.Url, "existing"),
        ]);
    }

    [Fact]
    public async Task Reads_pass_through()
    {
        await _inner.PutTextAsync("k", "v");

        (await _store.ReadTextAsync("k")).ShouldBe("v");
        (await _store.HeadAsync("k", default))!.Size.ShouldBe(1);
        (await _store.ListAllAsync()).Count.ShouldBe(1);
        _skipped.ShouldBeEmpty();
    }

    [Fact]
    public async Task Invalid_keys_are_still_refused()
    {
        await Should.ThrowAsync<ArgumentException>(() => _store.DeleteAsync("../x", default));
        _skipped.ShouldBeEmpty();
    }

    [Fact]
    public async Task Archive_changes_are_reported_for_a_store_that_has_archive_classes()
    {
        using var s3 = new S3ObjectStore(StoreUrl.ForS3("bucket"), environment: _ => null);
        var store = new DryRunObjectStore(s3, _skipped.Add);

        var archive = store.AsArchiveStore().ShouldNotBeNull();
        await archive.ChangeStorageClassAsync("k", StorageClasses.Glacier, default);
        await archive.RequestRestoreAsync("k", 3, RestoreTier.Bulk, default);

        _skipped.ShouldBe(
        [
            new SkippedMutation(MutationKind.ChangeStorageClass, "s3://bucket", "k", Detail: "GLACIER"),
            new SkippedMutation(MutationKind.RequestRestore, "s3://bucket", "k", Detail: "3 days, Bulk"),
        ]);
        _store.AsArchiveStore().ShouldBeNull();
    }
}
