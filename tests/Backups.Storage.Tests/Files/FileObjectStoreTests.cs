using System.Runtime.Versioning;
using Backups.Storage.Files;
using Backups.Storage.Tests.Support;

namespace Backups.Storage.Tests.Files;

public sealed class FileObjectStoreTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly FileObjectStore _store;

    public FileObjectStoreTests() => _store = new FileObjectStore(_directory.Path);

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task An_object_put_can_be_read_back_headed_listed_and_deleted()
    {
        await _store.PutTextAsync("snapshots/2024/manifest.json", "{\"rows\":18}");

        (await _store.ReadTextAsync("snapshots/2024/manifest.json")).ShouldBe("{\"rows\":18}");
        (await _store.HeadAsync("snapshots/2024/manifest.json", default)).ShouldBe(new ObjectInfo("snapshots/2024/manifest.json", 11));
        (await _store.ListAllAsync()).ShouldBe([new ObjectInfo("snapshots/2024/manifest.json", 11)]);

        await _store.DeleteAsync("snapshots/2024/manifest.json", default);

        (await _store.HeadAsync("snapshots/2024/manifest.json", default)).ShouldBeNull();
        (await _store.ListAllAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Keys_map_to_files_below_the_root()
    {
        await _store.PutTextAsync("a/b/c.txt", "x");

        File.ReadAllText(Path.Combine(_directory.Path, "a", "b", "c.txt")).ShouldBe("x");
        _store.Url.ShouldBe(new Uri(_directory.Path).AbsoluteUri);
    }

    [Fact]
    public async Task A_put_replaces_an_existing_object_whole()
    {
        await _store.PutTextAsync("k", "a much longer first version");
        await _store.PutTextAsync("k", "short");

        (await _store.ReadTextAsync("k")).ShouldBe("short");
    }

    [Fact]
    public async Task A_non_seekable_content_stream_is_read_to_its_end()
    {
        using var content = new PatternStream(3 * 1024 * 1024 + 17);

        await _store.PutAsync("big.bin", content, default);

        (await _store.HeadAsync("big.bin", default))!.Size.ShouldBe(3 * 1024 * 1024 + 17);
        (await _store.Sha256HexAsync("big.bin")).ShouldBe(content.Sha256Hex());
    }

    [Fact]
    public async Task A_content_stream_failing_mid_put_leaves_no_object_and_no_temporary_file()
    {
        await _store.PutTextAsync("other", "kept");
        using var failing = new PatternStream(10_000_000, failAfter: 2_500_000);

        var error = await Should.ThrowAsync<IOException>(() => _store.PutAsync("snap/table.parquet", failing, default));

        error.Message.ShouldContain("producer failed");
        (await _store.HeadAsync("snap/table.parquet", default)).ShouldBeNull();
        (await _store.ListAllAsync()).Select(o => o.Key).ShouldBe(["other"]);
        Directory.GetFiles(Path.Combine(_directory.Path, FileObjectStore.TempDirectoryName)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_failed_replacement_keeps_the_previous_version()
    {
        await _store.PutTextAsync("manifest.json", "v1");
        using var failing = new PatternStream(1_000_000, failAfter: 1000);

        await Should.ThrowAsync<IOException>(() => _store.PutAsync("manifest.json", failing, default));

        (await _store.ReadTextAsync("manifest.json")).ShouldBe("v1");
    }

    [Fact]
    public async Task A_cancelled_put_leaves_no_object_and_no_temporary_file()
    {
        using var cancel = new CancellationTokenSource();
        using var content = new PatternStream(10_000_000) { BeforeRead = read => { if (read > 1_000_000) cancel.Cancel(); } };

        await Should.ThrowAsync<OperationCanceledException>(() => _store.PutAsync("k", content, cancel.Token));

        (await _store.HeadAsync("k", default)).ShouldBeNull();
        Directory.GetFiles(Path.Combine(_directory.Path, FileObjectStore.TempDirectoryName)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Listing_is_in_ordinal_key_order_across_directories()
    {
        // '-' (0x2D) sorts before '/' (0x2F), '0' (0x30) after it; 'B' before 'a'.
        string[] keys = ["a/b", "a-c", "a0", "B", "a/a/z", "ab", "a/b0"];
        foreach (var key in keys)
        {
            await _store.PutTextAsync(key, key);
        }

        var listed = (await _store.ListAllAsync()).Select(o => o.Key).ToList();

        listed.ShouldBe(keys.Order(StringComparer.Ordinal).ToList());
        listed.ShouldBe(["B", "a-c", "a/a/z", "a/b", "a/b0", "a0", "ab"]);
    }

    [Fact]
    public async Task Listing_filters_by_prefix_including_a_partial_last_segment()
    {
        foreach (var key in new[] { "snap/2024-01-01/m", "snap/2024-02-01/m", "snap/2025-01-01/m", "snapx/1", "other" })
        {
            await _store.PutTextAsync(key, "x");
        }

        (await _store.ListAllAsync("snap/2024-")).Select(o => o.Key).ShouldBe(["snap/2024-01-01/m", "snap/2024-02-01/m"]);
        (await _store.ListAllAsync("snap/")).Count.ShouldBe(3);
        (await _store.ListAllAsync("snap")).Count.ShouldBe(4);
        (await _store.ListAllAsync("missing/")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Listing_a_root_that_does_not_exist_yet_is_empty()
    {
        var store = new FileObjectStore(Path.Combine(_directory.Path, "not-yet"));

        (await store.ListAllAsync()).ShouldBeEmpty();
        (await store.HeadAsync("x", default)).ShouldBeNull();
    }

    [Fact]
    public async Task Temporary_files_are_never_listed()
    {
        await _store.PutTextAsync("k", "v");
        File.WriteAllText(Path.Combine(_directory.Path, FileObjectStore.TempDirectoryName, "left-by-a-crash"), "partial");

        (await _store.ListAllAsync()).Select(o => o.Key).ShouldBe(["k"]);
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/../../escape")]
    [InlineData("/etc/passwd")]
    [InlineData("a\\b")]
    [InlineData("a//b")]
    [InlineData("a/")]
    [InlineData("./a")]
    [InlineData("")]
    [InlineData(".tmp/x")]
    public async Task Keys_that_could_escape_the_root_or_are_malformed_are_refused(string key)
    {
        await Should.ThrowAsync<ArgumentException>(() => _store.PutTextAsync(key, "x"));
        await Should.ThrowAsync<ArgumentException>(() => _store.OpenReadAsync(key, default));
        await Should.ThrowAsync<ArgumentException>(() => _store.HeadAsync(key, default));
        await Should.ThrowAsync<ArgumentException>(() => _store.DeleteAsync(key, default));
        File.Exists(Path.Combine(Path.GetDirectoryName(_directory.Path)!, "escape")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_list_prefix_that_climbs_out_of_the_root_is_refused()
    {
        await Should.ThrowAsync<ArgumentException>(async () => await _store.ListAllAsync("../"));
    }

    [Fact]
    public async Task Reading_a_missing_object_throws_not_found_naming_the_key()
    {
        var error = await Should.ThrowAsync<ObjectNotFoundException>(() => _store.OpenReadAsync("no/such/key", default));

        error.Key.ShouldBe("no/such/key");
        error.Message.ShouldContain("no/such/key");
    }

    [Fact]
    public async Task A_key_that_is_only_a_prefix_of_other_keys_is_not_an_object()
    {
        await _store.PutTextAsync("dir/file", "x");

        await Should.ThrowAsync<ObjectNotFoundException>(() => _store.OpenReadAsync("dir", default));
        (await _store.HeadAsync("dir", default)).ShouldBeNull();
        await _store.DeleteAsync("dir", default);
        (await _store.HeadAsync("dir/file", default)).ShouldNotBeNull();
    }

    [Fact]
    public async Task Deleting_a_missing_object_is_not_an_error()
    {
        await _store.DeleteAsync("never/was/here", default);
        await _store.DeleteAsync("never", default);
    }

    [Fact]
    public async Task Deleting_the_last_object_of_a_directory_removes_the_empty_directories()
    {
        await _store.PutTextAsync("keep/x", "x");
        await _store.PutTextAsync("keep/deep/er/y", "y");

        await _store.DeleteAsync("keep/deep/er/y", default);

        Directory.Exists(Path.Combine(_directory.Path, "keep", "deep")).ShouldBeFalse();
        Directory.Exists(Path.Combine(_directory.Path, "keep")).ShouldBeTrue();
        Directory.Exists(_directory.Path).ShouldBeTrue();
    }

    [Fact]
    public async Task Concurrent_puts_and_deletes_in_one_directory_do_not_lose_objects()
    {
        var puts = Enumerable.Range(0, 40).Select(i => Task.Run(() => _store.PutTextAsync($"d/sub/k{i:00}", "x")));
        var churn = Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
        {
            await _store.PutTextAsync($"d/sub/tmp{i}", "x");
            await _store.DeleteAsync($"d/sub/tmp{i}", default);
        }));

        await Task.WhenAll(puts.Concat(churn));

        (await _store.ListAllAsync("d/")).Select(o => o.Key).ShouldBe(Enumerable.Range(0, 40).Select(i => $"d/sub/k{i:00}"));
    }

    [Fact]
    public async Task A_full_disk_is_reported_as_unavailable_naming_the_path_and_the_cause()
    {
        var store = new FileObjectStore(_directory.Path, _ => new FileStream("/dev/full", FileMode.Open, FileAccess.Write));
        using var content = new PatternStream(2 * 1024 * 1024);

        var error = await Should.ThrowAsync<StoreUnavailableException>(() => store.PutAsync("snap/big", content, default));

        error.Message.ShouldContain("disk is full");
        error.Message.ShouldContain(Path.Combine(_directory.Path, FileObjectStore.TempDirectoryName));
        error.IsTransient.ShouldBeFalse();
        (await store.ListAllAsync()).ShouldBeEmpty();
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task A_directory_that_cannot_be_written_is_reported_as_unavailable_naming_the_path_and_the_cause()
    {
        var root = Path.Combine(_directory.Path, "locked");
        Directory.CreateDirectory(root);
        File.SetUnixFileMode(root, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        if (Environment.IsPrivilegedProcess)
        {
            // Permissions do not stop root; sysfs refuses new files to everyone.
            root = "/sys/backups-storage-test";
        }

        try
        {
            var store = new FileObjectStore(root);

            var error = await Should.ThrowAsync<StoreUnavailableException>(() => store.PutTextAsync("k", "v"));

            error.Message.ShouldContain(root);
            error.Message.ShouldMatch("permission denied|not permitted|read-only");
        }
        finally
        {
            File.SetUnixFileMode(Path.Combine(_directory.Path, "locked"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public async Task A_key_below_an_existing_object_is_refused_with_the_conflict_named()
    {
        await _store.PutTextAsync("a", "file");

        var error = await Should.ThrowAsync<InvalidOperationException>(() => _store.PutTextAsync("a/b", "x"));

        error.Message.ShouldContain("'a'");
        (await _store.ListAllAsync()).Select(o => o.Key).ShouldBe(["a"]);
    }

    [Fact]
    public void A_relative_root_is_refused()
    {
        Should.Throw<ArgumentException>(() => new FileObjectStore("relative/dir"));
    }
}
