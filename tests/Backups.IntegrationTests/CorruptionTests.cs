using Backups.IntegrationTests.Support;
using Backups.Snapshots;
using Backups.TestFixtures.Postgres;
using Backups.TestFixtures.Vacols;

namespace Backups.IntegrationTests;

/// <summary>
/// One flipped byte in any object of a snapshot (each Parquet part, the manifest, the manifest's checksum file)
/// makes <c>backups verify</c> exit 1 and name that object.
/// </summary>
public sealed class CorruptionTests(VacolsDatabase vacols) : IClassFixture<VacolsDatabase>
{
    [PostgresFact]
    public async Task One_flipped_byte_in_any_object_of_a_directory_snapshot_fails_verify_naming_that_object()
    {
        using var workspace = new Workspace();
        var store = workspace.StoreUrl;
        var id = await SnapshotAsync(workspace, store);
        var keys = workspace.StoreKeys(SnapshotKeys.SnapshotPrefix(id));
        keys.Count(k => k.EndsWith(".parquet", StringComparison.Ordinal)).ShouldBe(VacolsFixture.Tables.Count, "one part per table");
        keys.ShouldContain(SnapshotKeys.Manifest(id));
        keys.ShouldContain(SnapshotKeys.ManifestChecksum(id));

        foreach (var key in keys)
        {
            var path = workspace.StorePath(key);
            var original = await File.ReadAllBytesAsync(path);
            await File.WriteAllBytesAsync(path, FlipOneByte(original));
            try
            {
                var single = await workspace.RunExpectingAsync(1, "verify", "--store", store, id);
                ShouldName(single, id, key);
                var all = await workspace.RunExpectingAsync(1, "verify", "--all", "--store", store);
                ShouldName(all, id, key);
            }
            finally
            {
                await File.WriteAllBytesAsync(path, original);
            }
        }

        await workspace.RunExpectingAsync(0, "verify", "--all", "--store", store);
    }

    [PostgresFact]
    public async Task Verify_json_names_the_corrupt_part_and_leaves_the_intact_ones_out()
    {
        using var workspace = new Workspace();
        var store = workspace.StoreUrl;
        var id = await SnapshotAsync(workspace, store);
        var manifest = await StoreAccess.ReadManifestAsync(workspace, store, id);
        var part = manifest.Tables.SelectMany(t => t.Parts).MaxBy(p => p.Size)!;
        var path = workspace.StorePath(part.Key);
        await File.WriteAllBytesAsync(path, FlipOneByte(await File.ReadAllBytesAsync(path)));

        var report = Json.Parse(await workspace.RunExpectingAsync(1, "verify", "--store", store, id, "--json"));

        report.GetProperty("ok").GetBoolean().ShouldBeFalse();
        var snapshot = report.GetProperty("snapshots").EnumerateArray().ShouldHaveSingleItem();
        snapshot.GetProperty("id").GetString().ShouldBe(id);
        snapshot.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("key").GetString()).Distinct().ShouldBe([part.Key]);
    }

    [PostgresAndS3Fact]
    public async Task A_part_or_manifest_re_uploaded_to_S3_with_one_flipped_byte_fails_verify_naming_it()
    {
        await using var bucket = await TestBucket.CreateAsync();
        using var workspace = new Workspace();
        const string prefix = "vacols/";
        var store = bucket.Url("vacols");
        var id = await SnapshotAsync(workspace, store);
        var manifest = await StoreAccess.ReadManifestAsync(workspace, store, id);
        var part = manifest.Tables.SelectMany(t => t.Parts).MaxBy(p => p.Size)!;

        foreach (var key in new[] { part.Key, SnapshotKeys.Manifest(id) })
        {
            var original = await bucket.ReadAsync(prefix + key);
            await bucket.WriteAsync(prefix + key, FlipOneByte(original));
            try
            {
                var result = await workspace.RunExpectingAsync(1, "verify", "--store", store, id);
                result.All.ShouldContain(key, customMessage: $"verify names the corrupt object {key}\n{result}");
            }
            finally
            {
                await bucket.WriteAsync(prefix + key, original);
            }
        }

        await workspace.RunExpectingAsync(0, "verify", "--store", store, id);
    }

    private async Task<string> SnapshotAsync(Workspace workspace, string store)
    {
        var connection = await vacols.ConnectionAsync();
        var policy = workspace.WritePolicy(TestPolicies.Postgres("vacols", VacolsFixture.DefaultSchema, store));
        var result = await workspace.RunExpectingAsync(0, "snapshot", "--policy", policy, "--source", $"postgres:{connection}", "--store", store, "--json");
        return Json.Parse(result).GetProperty("id").GetString()!;
    }

    /// <summary>
    /// The output names the corrupt object. The manifest and its checksum file vouch for each other (docs/format.md):
    /// when they disagree the manifest is reported, against the hash recorded in manifest.json.sha256, so a flipped
    /// byte in the checksum file names both.
    /// </summary>
    private static void ShouldName(CliResult result, string id, string key)
    {
        if (key == SnapshotKeys.ManifestChecksum(id))
        {
            result.All.ShouldContain(SnapshotKeys.Manifest(id), customMessage: $"verify names the manifest\n{result}");
            result.All.ShouldContain(SnapshotKeys.ManifestChecksumFileName, customMessage: $"verify names the checksum file\n{result}");
            return;
        }

        result.All.ShouldContain(key, customMessage: $"verify names the corrupt object {key}\n{result}");
    }

    /// <summary>A copy with the byte in the middle inverted (one byte changed, the size kept).</summary>
    private static byte[] FlipOneByte(byte[] content)
    {
        var copy = (byte[])content.Clone();
        copy[copy.Length / 2] ^= 0x01;
        return copy;
    }
}
