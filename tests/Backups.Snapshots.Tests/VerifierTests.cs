using System.Text;
using Backups.Snapshots.Tests.Support;

namespace Backups.Snapshots.Tests;

public sealed class VerifierTests
{
    private static readonly string ManifestKey = SnapshotKeys.Manifest(Fixtures.Id);
    private static readonly string ChecksumKey = SnapshotKeys.ManifestChecksum(Fixtures.Id);

    private static async Task<InMemoryObjectStore> GoodSnapshotAsync()
    {
        var store = new InMemoryObjectStore();
        var tables = new[] { RoundTripTests.EveryKindTable(), Fixtures.NumbersTable() };
        var request = Fixtures.Request(store, tables, t => t.Name == "numbers" ? Fixtures.NumbersRows(300) : RoundTripTests.EveryKindRows(12)) with
        {
            RowGroupRows = 100,
            PartSizeBytes = 1,
        };
        await new SnapshotWriter(Fixtures.Clock()).WriteAsync(request, null, CancellationToken.None);
        return store;
    }

    private static Task<VerifyReport> VerifyAsync(InMemoryObjectStore store) =>
        new SnapshotVerifier().VerifyAsync(store, Fixtures.Id, null, CancellationToken.None);

    [Fact]
    public async Task An_intact_snapshot_verifies_with_no_problems_and_every_object_read()
    {
        var store = await GoodSnapshotAsync();
        var reports = new List<VerifyProgress>();

        var report = await new SnapshotVerifier().VerifyAsync(store, Fixtures.Id, new SynchronousProgress<VerifyProgress>(reports.Add), CancellationToken.None);

        report.Problems.ShouldBeEmpty();
        report.IsIntact.ShouldBeTrue();
        report.ObjectsChecked.ShouldBe(store.Keys.Count);
        report.BytesChecked.ShouldBe(store.Keys.Sum(k => (long)store.Get(k).Length));
        reports[^1].ShouldBe(new VerifyProgress(store.Keys.Count, store.Keys.Count, report.BytesChecked, null));
    }

    [Fact]
    public async Task Flipping_one_byte_anywhere_in_any_object_is_reported_against_that_object()
    {
        var store = await GoodSnapshotAsync();
        store.Keys.Count.ShouldBe(6, "three parts for numbers, one for every kind, the checksum and the manifest");
        foreach (var key in store.Keys)
        {
            var original = store.Get(key);
            foreach (var position in new[] { 0, 1, original.Length / 3, original.Length / 2, original.Length - 9, original.Length - 1 })
            {
                var corrupt = (byte[])original.Clone();
                corrupt[position] ^= 0x01;
                store.Set(key, corrupt);

                var report = await VerifyAsync(store);

                report.IsIntact.ShouldBeFalse($"a flipped bit at {position} of {key}");
                var blamed = key == ChecksumKey ? new[] { ChecksumKey, ManifestKey } : [key];
                report.Problems.ShouldContain(p => blamed.Contains(p.Key), $"a flipped bit at {position} of {key}: {string.Join("; ", report.Problems)}");
                store.Set(key, original);
            }
        }

        (await VerifyAsync(store)).Problems.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_truncated_part_is_reported_for_its_size_and_checksum()
    {
        var store = await GoodSnapshotAsync();
        var part = store.Keys.First(k => k.EndsWith("part-00001.parquet", StringComparison.Ordinal));
        var original = store.Get(part);
        store.Set(part, original[..(original.Length / 2)]);

        var report = await VerifyAsync(store);

        report.Problems.Select(p => p.Key).Distinct().ShouldBe([part]);
        report.Problems.ShouldContain(p => p.Description.StartsWith("size:", StringComparison.Ordinal));
        report.Problems.ShouldContain(p => p.Description.StartsWith("SHA-256:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_problem_is_reported_not_just_the_first()
    {
        var store = await GoodSnapshotAsync();
        var parts = store.Keys.Where(k => k.EndsWith(".parquet", StringComparison.Ordinal)).ToList();
        store.Remove(parts[0]);
        var truncated = store.Get(parts[1]);
        store.Set(parts[1], truncated[..^1]);
        var flipped = store.Get(parts[3]);
        flipped[flipped.Length / 2] ^= 0x80;
        store.Set(parts[3], flipped);

        var report = await VerifyAsync(store);

        report.Problems.Select(p => p.Key).Distinct().Order(StringComparer.Ordinal).ShouldBe([parts[0], parts[1], parts[3]]);
        report.Problems.ShouldContain(p => p.Key == parts[0] && p.Description.StartsWith("missing", StringComparison.Ordinal));
        report.ObjectsChecked.ShouldBe(store.Keys.Count);
    }

    [Fact]
    public async Task A_missing_manifest_is_a_problem_not_an_exception()
    {
        var store = await GoodSnapshotAsync();
        store.Remove(ManifestKey);

        var report = await VerifyAsync(store);

        report.Problems.ShouldHaveSingleItem().Key.ShouldBe(ManifestKey);
    }

    [Fact]
    public async Task A_manifest_edited_consistently_with_its_checksum_is_still_checked_against_the_parts()
    {
        // What verify can detect without the checksum file: anything the parts or the manifest's own sums contradict.
        var store = await GoodSnapshotAsync();
        var json = Encoding.UTF8.GetString(store.Get(ManifestKey));
        var edits = new Func<string, string>[]
        {
            s => s.Replace("\"name\": \"label\"", "\"name\": \"lbbel\"", StringComparison.Ordinal),
            s => s.Replace("\"rowCount\": 100", "\"rowCount\": 101", StringComparison.Ordinal),
            s => s.Replace("\"kind\": \"timestampTz\"", "\"kind\": \"timestamp\"", StringComparison.Ordinal),
            s => s.Replace("\"nullable\": false", "\"nullable\": true", StringComparison.Ordinal),
        };
        for (var i = 0; i < edits.Length; i++)
        {
            var edited = Encoding.UTF8.GetBytes(edits[i](json));
            edited.ShouldNotBe(store.Get(ManifestKey));
            store.Set(ManifestKey, edited);
            store.Set(ChecksumKey, ManifestJson.ChecksumFile(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(edited))));

            var report = await VerifyAsync(store);

            report.IsIntact.ShouldBeFalse($"edit {i}");
            report.Problems.ShouldNotContain(p => p.Key == ManifestKey && p.Description.Contains("SHA-256", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_missing_checksum_file_is_reported()
    {
        var store = await GoodSnapshotAsync();
        store.Remove(ChecksumKey);

        var report = await VerifyAsync(store);

        report.Problems.ShouldHaveSingleItem().Key.ShouldBe(ChecksumKey);
    }
}
