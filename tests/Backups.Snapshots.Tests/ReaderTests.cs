using System.Text;
using Backups.Snapshots.Tests.Support;
using Backups.Storage;

namespace Backups.Snapshots.Tests;

public sealed class ReaderTests
{
    private static async Task<(InMemoryObjectStore Store, Manifest Manifest)> WriteAsync(string id = Fixtures.Id, InMemoryObjectStore? store = null)
    {
        store ??= new InMemoryObjectStore();
        var request = Fixtures.Request(store, [Fixtures.NumbersTable()], _ => Fixtures.NumbersRows(500), id) with { RowGroupRows = 100, PartSizeBytes = 1 };
        var manifest = await new SnapshotWriter(Fixtures.Clock()).WriteAsync(request, null, CancellationToken.None);
        return (store, manifest);
    }

    [Fact]
    public async Task A_corrupt_part_throws_naming_the_key_the_expected_and_the_actual_digest_before_yielding_its_rows()
    {
        var (store, manifest) = await WriteAsync();
        var part = manifest.Tables[0].Parts[2];
        var content = store.Get(part.Key);
        content[content.Length / 2] ^= 0x10;
        store.Set(part.Key, content);
        var rows = new List<object?[]>();

        var error = await Should.ThrowAsync<SnapshotCorruptException>(async () =>
        {
            await foreach (var row in new SnapshotReader().ReadRowsAsync(store, manifest, manifest.Tables[0]))
            {
                rows.Add(row);
            }
        });

        error.Key.ShouldBe(part.Key);
        error.Expected.ShouldBe($"SHA-256 {part.Sha256}");
        error.Actual.ShouldBe($"SHA-256 {Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content))}");
        error.Message.ShouldContain(part.Key);
        rows.Count.ShouldBe(200, "the rows of the two intact parts before it");
    }

    [Fact]
    public async Task A_part_of_the_wrong_size_throws_before_hashing_matters()
    {
        var (store, manifest) = await WriteAsync();
        var part = manifest.Tables[0].Parts[0];
        store.Set(part.Key, [.. store.Get(part.Key), 0]);

        var error = await Should.ThrowAsync<SnapshotCorruptException>(() =>
            Fixtures.ReadAllAsync(new SnapshotReader(), store, manifest, manifest.Tables[0]));

        error.Expected.ShouldBe($"{part.Size} bytes");
        error.Actual.ShouldBe($"{part.Size + 1} bytes");
    }

    [Fact]
    public async Task A_manifest_that_does_not_match_its_checksum_is_refused()
    {
        var (store, _) = await WriteAsync();
        var key = SnapshotKeys.Manifest(Fixtures.Id);
        var json = Encoding.UTF8.GetString(store.Get(key)).Replace("\"policy\": \"vacols\"", "\"policy\": \"vacolz\"", StringComparison.Ordinal);
        store.Set(key, Encoding.UTF8.GetBytes(json));

        var error = await Should.ThrowAsync<SnapshotCorruptException>(() => new SnapshotReader().ReadManifestAsync(store, Fixtures.Id, CancellationToken.None));

        error.Key.ShouldBe(key);
    }

    [Fact]
    public async Task A_manifest_of_another_format_version_is_refused_with_the_version_named()
    {
        var (store, _) = await WriteAsync();
        var key = SnapshotKeys.Manifest(Fixtures.Id);
        var json = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(store.Get(key)).Replace("\"formatVersion\": 1", "\"formatVersion\": 2", StringComparison.Ordinal));
        store.Set(key, json);
        store.Set(SnapshotKeys.ManifestChecksum(Fixtures.Id), ManifestJson.ChecksumFile(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(json))));

        var error = await Should.ThrowAsync<SnapshotFormatException>(() => new SnapshotReader().ReadManifestAsync(store, Fixtures.Id, CancellationToken.None));

        error.Key.ShouldBe(key);
        error.Problem.ShouldContain("format version 2");
    }

    [Fact]
    public async Task Listing_returns_complete_snapshots_in_id_order_and_incomplete_directories_separately()
    {
        var store = new InMemoryObjectStore();
        await WriteAsync("20240502T000000Z-00000002", store);
        await WriteAsync("20240501T000000Z-00000001", store);
        await WriteAsync("20240503T000000Z-00000003", store);
        store.Remove(SnapshotKeys.Manifest("20240503T000000Z-00000003"));
        store.Set("snapshots/20240504T000000Z-00000004/tables/public.numbers/part-00000.parquet", [1, 2, 3]);
        store.Set("snapshots/stray-object", [1]);
        var reader = new SnapshotReader();

        var ids = await RoundTripTests.ListAsync(reader.ListSnapshotIdsAsync(store, CancellationToken.None));
        var incomplete = await RoundTripTests.ListAsync(reader.ListIncompleteAsync(store, CancellationToken.None));

        ids.ShouldBe(["20240501T000000Z-00000001", "20240502T000000Z-00000002"]);
        incomplete.Select(i => i.Id).ShouldBe(["20240503T000000Z-00000003", "20240504T000000Z-00000004"]);
        incomplete[0].Objects.Count.ShouldBe(6, "five parts and the checksum file");
        incomplete[1].Objects.ShouldBe([new ObjectInfo("snapshots/20240504T000000Z-00000004/tables/public.numbers/part-00000.parquet", 3)]);
    }

    [Fact]
    public async Task Reading_without_checksum_verification_still_returns_the_rows()
    {
        var (store, manifest) = await WriteAsync();

        var rows = new List<object?[]>();
        await foreach (var row in new SnapshotReader().ReadRowsAsync(store, manifest, manifest.Tables[0], verifyChecksums: false))
        {
            rows.Add(row);
        }

        ExactValues.ShouldMatch(rows, Fixtures.NumbersRows(500).ToList());
    }
}
