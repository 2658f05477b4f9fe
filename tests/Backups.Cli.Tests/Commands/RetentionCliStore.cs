using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Backups.Cli.Tests.Support;
using Backups.Domain.Schema;
using Backups.Snapshots;
using Backups.Storage.Files;
using NodaTime;
using NodaTime.Testing;

namespace Backups.Cli.Tests.Commands;

/// <summary>
/// A directory store with real snapshots (the first written by the real writer, the others copies of it), a catalog
/// file and policy files, all in a temporary directory; runs the CLI with that catalog and a fixed operator name.
/// </summary>
internal sealed class RetentionCliStore : IDisposable
{
    /// <summary>The CLI's fake clock time (see <see cref="CliRunner"/>).</summary>
    public static readonly Instant Now = Instant.FromUtc(2026, 11, 25, 12, 0);

    private static readonly TableSchema Table = new(
        "main", "BRIEFF", [new ColumnSchema("BFKEY", "INTEGER", ColumnKind.Int64, false), new ColumnSchema("BFSO", "TEXT", ColumnKind.Text, true)], ["BFKEY"], []);

    public RetentionCliStore()
    {
        Directory = Path.Combine(Path.GetTempPath(), $"backups-cli-retention-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(Directory);
        Store = new FileObjectStore(Path.Combine(Directory, "store"));
    }

    public string Directory { get; }

    public FileObjectStore Store { get; }

    public string StorePath => Store.RootDirectory;

    public string CatalogPath => Path.Combine(Directory, "catalog.db");

    /// <summary>A policy file for this store (the post-mortem tiers, hourly) with optional YAML replacements.</summary>
    public string PolicyFile(string name = "vacols", string? store = null, string retention = "{ hourly: 3d, daily: 14d, weekly: 60d, monthly: 180d }", string guards = "{ max-expire-per-run: 50 }", string schedule = "0 0 * * * ?")
    {
        var path = Path.Combine(Directory, $"{name}-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, $"""
            name: {name}
            source: {"{"} kind: sqlite, connection: /tmp/none.db {"}"}
            store: {store ?? StorePath}
            schedule: "{schedule}"
            timezone: UTC
            retention: {retention}
            guards: {guards}
            """);
        return path;
    }

    /// <summary>Hourly snapshots: <paramref name="count"/> of them, the last at <paramref name="last"/>.</summary>
    public async Task<List<Manifest>> HourlyAsync(int count, Instant last)
    {
        var random = new Random(count);
        var result = new List<Manifest>();
        for (var i = 0; i < count; i++)
        {
            var at = last - Duration.FromHours(count - 1 - i);
            result.Add(i == 0 ? await WriteAsync(at, random) : await CopyAsync(result[0], at, random));
        }
        return result;
    }

    public Task<CliResult> RunAsync(params string[] args) => RunAtAsync(Now, args);

    /// <summary>Runs the CLI with its clock at <paramref name="now"/>.</summary>
    public Task<CliResult> RunAtAsync(Instant now, params string[] args) => CliRunner.RunAsync(
        args,
        now: now,
        environment: new Dictionary<string, string?> { ["BACKUPS_CATALOG"] = CatalogPath, ["USER"] = "alice" });

    public async Task<List<string>> ListingAsync(string prefix = "")
    {
        var result = new List<string>();
        await foreach (var info in Store.ListAsync(prefix, CancellationToken.None))
        {
            result.Add($"{info.Key} {info.Size}");
        }
        return result;
    }

    public async Task<List<string>> SnapshotIdsAsync()
    {
        var result = new List<string>();
        await foreach (var id in new SnapshotReader().ListSnapshotIdsAsync(Store, CancellationToken.None))
        {
            result.Add(id);
        }
        return result;
    }

    public static JsonElement Json(CliResult result)
    {
        result.ExitCode.ShouldBeOneOf([0, 4], result.Error);
        return JsonDocument.Parse(result.Out).RootElement;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task<Manifest> WriteAsync(Instant at, Random random) =>
        await new SnapshotWriter(new FakeClock(at)).WriteAsync(
            new SnapshotWriteRequest
            {
                Store = Store,
                SnapshotId = SnapshotId.New(at, random),
                PolicyName = "vacols",
                Source = new SourceIdentity("sqlite", null, "/tmp/none.db", null, "3.45"),
                Tables = [Table],
                ReadRows = (_, _) => Rows(),
                ToolVersion = "test",
            },
            null,
            CancellationToken.None);

    private async Task<Manifest> CopyAsync(Manifest template, Instant at, Random random)
    {
        var id = SnapshotId.New(at, random);
        var tables = new List<ManifestTable>();
        foreach (var table in template.Tables)
        {
            var parts = new List<ManifestPart>();
            foreach (var part in table.Parts)
            {
                var key = SnapshotKeys.SnapshotPrefix(id) + part.Key[SnapshotKeys.SnapshotPrefix(template.Id).Length..];
                await using (var content = await Store.OpenReadAsync(part.Key, CancellationToken.None))
                {
                    await Store.PutAsync(key, content, CancellationToken.None);
                }
                parts.Add(part with { Key = key });
            }
            tables.Add(table with { Parts = parts });
        }
        var manifest = template with { Id = id, StartedAt = at, CompletedAt = at, Tables = tables };
        var json = ManifestJson.Serialize(manifest);
        var checksum = Encoding.ASCII.GetBytes($"{Convert.ToHexStringLower(SHA256.HashData(json))}  {SnapshotKeys.ManifestFileName}\n");
        await Store.PutAsync(SnapshotKeys.ManifestChecksum(id), new MemoryStream(checksum), CancellationToken.None);
        await Store.PutAsync(SnapshotKeys.Manifest(id), new MemoryStream(json), CancellationToken.None);
        return manifest;
    }

    private static async IAsyncEnumerable<object?[]> Rows()
    {
        await Task.CompletedTask;
        yield return [1L, "SO"];
        yield return [2L, null];
    }
}
