using System.Security.Cryptography;
using System.Text;
using Backups.Domain.Schema;
using Backups.Snapshots;
using Backups.Storage;
using NodaTime;
using NodaTime.Testing;

namespace Backups.Operations.Tests.Support;

/// <summary>Writes real snapshots (one small table) with the real writer, completed at a chosen instant.</summary>
internal static class SnapshotFactory
{
    private static readonly SourceIdentity Source = new("sqlite", "", "test.db", null, "3.45");

    private static readonly TableSchema Table = new(
        "main",
        "BRIEFF",
        [
            new ColumnSchema("BFKEY", "INTEGER", ColumnKind.Int64, false),
            new ColumnSchema("BFSO", "TEXT", ColumnKind.Text, true),
        ],
        ["BFKEY"],
        []);

    /// <summary>Writes one snapshot of <paramref name="policy"/> that starts and completes at <paramref name="at"/>.</summary>
    public static async Task<Manifest> WriteAsync(IObjectStore store, Instant at, string policy = "vacols", Random? random = null, int rows = 3)
    {
        var clock = new FakeClock(at);
        var request = new SnapshotWriteRequest
        {
            Store = store,
            SnapshotId = SnapshotId.New(at, random ?? Random.Shared),
            PolicyName = policy,
            Source = Source,
            Tables = [Table],
            ReadRows = (_, _) => Rows(rows),
            ToolVersion = "test",
        };
        return await new SnapshotWriter(clock).WriteAsync(request, null, CancellationToken.None);
    }

    /// <summary>
    /// One snapshot per step from <paramref name="first"/>, <paramref name="count"/> of them, oldest first: the first
    /// written by the real writer, the others copies of it (<see cref="CopyAsync"/>), which is much faster.
    /// </summary>
    public static async Task<List<Manifest>> WriteSeriesAsync(
        IObjectStore store, Instant first, Duration step, int count, string policy = "vacols", Random? random = null)
    {
        random ??= new Random(count);
        var result = new List<Manifest>();
        for (var i = 0; i < count; i++)
        {
            var at = first + (step * i);
            result.Add(i == 0 ? await WriteAsync(store, at, policy, random) : await CopyAsync(store, result[0], at, random));
        }
        return result;
    }

    /// <summary>
    /// A new snapshot with the same tables as <paramref name="template"/>, started and completed at <paramref name="at"/>:
    /// the template's parts copied under the new id, then the checksum file and the manifest, last, as the writer does.
    /// </summary>
    public static async Task<Manifest> CopyAsync(IObjectStore store, Manifest template, Instant at, Random random)
    {
        var id = SnapshotId.New(at, random);
        var oldPrefix = SnapshotKeys.SnapshotPrefix(template.Id);
        var tables = new List<ManifestTable>();
        foreach (var table in template.Tables)
        {
            var parts = new List<ManifestPart>();
            foreach (var part in table.Parts)
            {
                var key = SnapshotKeys.SnapshotPrefix(id) + part.Key[oldPrefix.Length..];
                await using (var content = await store.OpenReadAsync(part.Key, CancellationToken.None))
                {
                    await store.PutAsync(key, content, CancellationToken.None);
                }
                parts.Add(part with { Key = key });
            }
            tables.Add(table with { Parts = parts });
        }
        var manifest = template with { Id = id, StartedAt = at, CompletedAt = at, Tables = tables };
        var json = ManifestJson.Serialize(manifest);
        var checksum = Encoding.ASCII.GetBytes($"{Convert.ToHexStringLower(SHA256.HashData(json))}  {SnapshotKeys.ManifestFileName}\n");
        await store.PutAsync(SnapshotKeys.ManifestChecksum(id), new MemoryStream(checksum), CancellationToken.None);
        await store.PutAsync(SnapshotKeys.Manifest(id), new MemoryStream(json), CancellationToken.None);
        return manifest;
    }

    private static async IAsyncEnumerable<object?[]> Rows(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.CompletedTask;
            yield return [(long)i, i % 2 == 0 ? "SO" : null];
        }
    }
}
