using System.Net;
using System.Net.Sockets;
using Amazon.S3;
using Backups.IntegrationTests.Support;
using Backups.TestFixtures.AllTypes;

namespace Backups.IntegrationTests;

/// <summary>
/// The mapping form of a policy's <c>store</c> against radosgw: its endpoint wins over the environment's, and its
/// encryption (SSE-KMS with the server's test key) is asked for on every object the snapshot writes.
/// </summary>
public sealed class PolicyStoreSettingsTests
{
    private static string KmsKeyId => Environment.GetEnvironmentVariable("BACKUPS_TEST_KMS_KEY_ID") is { Length: > 0 } id
        ? id
        : throw new InvalidOperationException("BACKUPS_TEST_KMS_KEY_ID is not set (source /tmp/backups-dev/env.sh)");

    [S3Fact]
    public async Task A_policy_store_with_endpoint_and_kms_encryption_is_used_as_written_over_the_environment()
    {
        await using var bucket = await TestBucket.CreateAsync();
        using var workspace = new Workspace();
        var database = Path.Combine(workspace.Root, "small.db");
        AllTypesFixture.CreateSqlite(database);
        var endpoint = S3TestEnvironment.Endpoint!;
        // The environment points at a port where nothing listens: only the policy's endpoint can work.
        var nowhere = $"http://127.0.0.1:{ClosedPort()}";
        workspace.Environment["AWS_ENDPOINT_URL_S3"] = nowhere;
        workspace.Environment.Remove("AWS_ENDPOINT_URL");

        var policy = workspace.WritePolicy(Policy(database, bucket.Url("kms"), $"""
              endpoint: {endpoint}
              region: us-east-1
              encryption: aws:kms
              kms-key-id: {KmsKeyId}
            """));
        var snapshot = Json.Parse(await workspace.RunExpectingAsync(0, "snapshot", "--policy", policy, "--json"));
        var id = snapshot.GetProperty("id").GetString()!;

        var keys = await bucket.KeysAsync($"kms/snapshots/{id}/");
        keys.Count.ShouldBeGreaterThanOrEqualTo(3, "parts, checksum file and manifest");
        foreach (var key in keys)
        {
            var head = await bucket.Client.GetObjectMetadataAsync(bucket.Name, key);
            head.ServerSideEncryptionMethod.ShouldBe(ServerSideEncryptionMethod.AWSKMS, key);
            head.ServerSideEncryptionKeyManagementServiceKeyId.ShouldEndWith(KmsKeyId, customMessage: key);
        }

        // Retention reads the store with the policy's settings too.
        var pruned = Json.Parse(await workspace.RunExpectingAsync(0, "prune", "--policy", policy, "--json"));
        pruned.GetProperty("keep").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ShouldContain(id);

        // So do pausing and the store's audit log, when the store is named by the policy file.
        var paused = Json.Parse(await workspace.RunExpectingAsync(0, "pause", "settings", "--jobs", "retention", "--policy", policy, "--json"));
        paused.GetRawText().ShouldContain("retention");
        var audit = Json.Parse(await workspace.RunExpectingAsync(0, "audit", "--policy", policy, "--json"));
        audit.EnumerateArray().Select(e => e.GetProperty("action").GetString()).ShouldContain("pause");
        await workspace.RunExpectingAsync(0, "resume", "settings", "--policy", policy);

        // Without the policy's endpoint the environment's is used, and nothing answers there.
        var withoutEndpoint = workspace.WritePolicy(Policy(database, bucket.Url("kms"), "  encryption: aws:kms\n"), "no-endpoint.yaml");
        var refused = await workspace.RunExpectingAsync(3, "snapshot", "--policy", withoutEndpoint);
        refused.Error.ShouldContain(nowhere);

        workspace.Environment["AWS_ENDPOINT_URL_S3"] = endpoint;
        (await workspace.RunExpectingAsync(0, "verify", "--all", "--store", bucket.Url("kms"))).Out.ShouldContain($"{id}: ok");
    }

    private static string Policy(string database, string url, string settings) => $"""
        name: settings
        source:
          kind: sqlite
          connection: {database}
        store:
          url: {url}
        {settings.TrimEnd()}
        schedule: "0 0 * * * ?"
        retention:
          hourly: 3d
        """;

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
