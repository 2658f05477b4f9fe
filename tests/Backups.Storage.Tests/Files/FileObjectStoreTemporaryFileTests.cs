using Backups.Storage.Files;
using Backups.Storage.Tests.Support;
using NodaTime;

namespace Backups.Storage.Tests.Files;

/// <summary>The directory store's own temporary files (<c>.tmp/</c>): never objects, listed and deleted only through their ability.</summary>
public sealed class FileObjectStoreTemporaryFileTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly FileObjectStore _store;

    public FileObjectStoreTemporaryFileTests() => _store = new FileObjectStore(_directory.Path);

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task A_file_left_in_tmp_is_listed_with_its_size_and_time_but_is_not_an_object_and_can_be_deleted()
    {
        await _store.PutTextAsync("snapshots/a/manifest.json", "{}");
        var leftover = Path.Combine(_directory.Path, ".tmp", "0123456789abcdef0123456789abcdef");
        await File.WriteAllBytesAsync(leftover, new byte[1234]);
        var written = new DateTime(2026, 11, 20, 8, 30, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(leftover, written);

        var listed = await ListAsync();
        listed.ShouldBe([new TemporaryFile("0123456789abcdef0123456789abcdef", 1234, Instant.FromDateTimeUtc(written))]);
        (await _store.ListAllAsync()).Select(o => o.Key).ShouldBe(["snapshots/a/manifest.json"]);

        await _store.DeleteTemporaryFileAsync(listed[0].Name, default);
        await _store.DeleteTemporaryFileAsync(listed[0].Name, default); // gone: not an error

        File.Exists(leftover).ShouldBeFalse();
        (await ListAsync()).ShouldBeEmpty();
        (await _store.ReadTextAsync("snapshots/a/manifest.json")).ShouldBe("{}");
    }

    [Fact]
    public async Task A_store_that_never_wrote_has_no_temporary_files()
    {
        (await ListAsync()).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("..")]
    [InlineData("../snapshots/a/manifest.json")]
    [InlineData("sub/file")]
    public async Task Only_names_inside_tmp_can_be_deleted(string name)
    {
        await Should.ThrowAsync<ArgumentException>(() => _store.DeleteTemporaryFileAsync(name, default));
    }

    private async Task<List<TemporaryFile>> ListAsync()
    {
        var files = new List<TemporaryFile>();
        await foreach (var file in _store.ListTemporaryFilesAsync(default))
        {
            files.Add(file);
        }

        return files;
    }
}
