using System.Text;
using System.Text.Json;
using Backups.Snapshots.Tests.Support;

namespace Backups.Snapshots.Tests;

public sealed class ManifestJsonTests
{
    [Fact]
    public async Task The_manifest_json_has_the_documented_field_names_and_values()
    {
        var store = new InMemoryObjectStore();
        var table = RoundTripTests.EveryKindTable();
        await new SnapshotWriter(Fixtures.Clock()).WriteAsync(Fixtures.Request(store, [table], _ => RoundTripTests.EveryKindRows(3)), null, CancellationToken.None);

        using var json = JsonDocument.Parse(store.Get(SnapshotKeys.Manifest(Fixtures.Id)));
        var root = json.RootElement;
        root.EnumerateObject().Select(p => p.Name).ShouldBe(
            ["formatVersion", "id", "policy", "source", "consistencyPoint", "startedAt", "completedAt", "toolVersion", "labels", "tables", "totals"]);
        root.GetProperty("formatVersion").GetInt32().ShouldBe(1);
        root.GetProperty("id").GetString().ShouldBe(Fixtures.Id);
        root.GetProperty("startedAt").GetString().ShouldBe("2024-05-01T12:00:00Z");
        root.GetProperty("completedAt").GetString().ShouldBe("2024-05-01T12:00:01Z");
        root.GetProperty("source").EnumerateObject().Select(p => p.Name).ShouldBe(["kind", "server", "database", "systemIdentifier", "serverVersion"]);
        root.GetProperty("consistencyPoint").EnumerateObject().Select(p => p.Name).ShouldBe(["lsn", "snapshot"], "keys sorted, verbatim");
        var tableJson = root.GetProperty("tables")[0];
        tableJson.EnumerateObject().Select(p => p.Name).ShouldBe(["schema", "name", "columns", "primaryKey", "uniqueConstraints", "rowCount", "parts"]);
        tableJson.GetProperty("name").GetString().ShouldBe("every kind");
        var column = tableJson.GetProperty("columns")[25];
        column.EnumerateObject().Select(p => p.Name).ShouldBe(["name", "sourceType", "kind", "nullable", "precision", "scale", "maxLength"]);
        column.GetProperty("kind").GetString().ShouldBe("timestampTz");
        tableJson.GetProperty("parts")[0].EnumerateObject().Select(p => p.Name).ShouldBe(["key", "size", "sha256", "rowCount"]);
        root.GetProperty("totals").EnumerateObject().Select(p => p.Name).ShouldBe(["tables", "rows", "parts", "bytes"]);
        var checksum = Encoding.ASCII.GetString(store.Get(SnapshotKeys.ManifestChecksum(Fixtures.Id)));
        checksum.ShouldBe($"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(store.Get(SnapshotKeys.Manifest(Fixtures.Id))))}  manifest.json\n");
    }

    [Fact]
    public async Task A_manifest_serializes_parses_and_serializes_to_the_same_bytes()
    {
        var store = new InMemoryObjectStore();
        var manifest = await new SnapshotWriter(Fixtures.Clock())
            .WriteAsync(Fixtures.Request(store, [RoundTripTests.EveryKindTable()], _ => RoundTripTests.EveryKindRows(3)), null, CancellationToken.None);

        var bytes = ManifestJson.Serialize(manifest);
        var parsed = ManifestJson.Parse(bytes, "k");

        ManifestJson.Serialize(parsed).ShouldBe(bytes);
        parsed.Tables[0].ToTableSchema().Columns.ShouldBe(RoundTripTests.EveryKindTable().Columns);
        parsed.Source.ShouldBe(Fixtures.Source);
        parsed.StartedAt.ShouldBe(Fixtures.Start);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("{\"id\": \"x\"}")]
    [InlineData("{\"formatVersion\": 1}")]
    [InlineData("{\"formatVersion\": \"1\"}")]
    public void Malformed_manifests_are_refused_as_format_errors(string json)
    {
        var error = Should.Throw<SnapshotFormatException>(() => ManifestJson.Parse(Encoding.UTF8.GetBytes(json), "snapshots/x/manifest.json"));

        error.Key.ShouldBe("snapshots/x/manifest.json");
    }

    [Fact]
    public async Task Unknown_properties_are_ignored_so_version_1_can_grow()
    {
        var store = new InMemoryObjectStore();
        var manifest = await new SnapshotWriter(Fixtures.Clock())
            .WriteAsync(Fixtures.Request(store, [Fixtures.NumbersTable()], _ => Fixtures.NumbersRows(3)), null, CancellationToken.None);
        var json = Encoding.UTF8.GetString(ManifestJson.Serialize(manifest)).Replace("\"formatVersion\": 1,", "\"formatVersion\": 1, \"futureField\": {\"x\": 1},", StringComparison.Ordinal);

        ManifestJson.Parse(Encoding.UTF8.GetBytes(json), "k").Id.ShouldBe(Fixtures.Id);
    }
}
