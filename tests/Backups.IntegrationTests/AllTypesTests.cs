using Backups.IntegrationTests.Support;
using Backups.TestFixtures.AllTypes;
using Backups.TestFixtures.Postgres;

namespace Backups.IntegrationTests;

/// <summary>
/// A table with a column of every supported type, snapshotted by the command and read back with
/// <see cref="Backups.Snapshots.SnapshotReader"/>: the rows are exactly those the source session reads.
/// </summary>
public sealed class AllTypesTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    [PostgresFact]
    public async Task Every_supported_PostgreSQL_type_reads_back_from_a_directory_snapshot_exactly_as_the_source_reads_it()
    {
        using var workspace = new Workspace();
        await RoundTripPostgresAsync(workspace, workspace.StoreUrl);
    }

    [PostgresAndS3Fact]
    public async Task Every_supported_PostgreSQL_type_reads_back_from_an_S3_snapshot_exactly_as_the_source_reads_it()
    {
        await using var bucket = await TestBucket.CreateAsync();
        using var workspace = new Workspace();
        await RoundTripPostgresAsync(workspace, bucket.Url("all-types"));
    }

    [Fact]
    public async Task Every_supported_SQLite_type_reads_back_from_a_directory_snapshot_exactly_as_the_source_reads_it()
    {
        using var workspace = new Workspace();
        var database = Path.Combine(workspace.Root, "all-types.db");
        AllTypesFixture.CreateSqlite(database);
        var policy = workspace.WritePolicy(TestPolicies.Local("all-types", database, workspace.StoreDirectory));

        var id = Json.Parse(await workspace.RunExpectingAsync(0, "snapshot", "--policy", policy, "--json")).GetProperty("id").GetString()!;

        await workspace.RunExpectingAsync(0, "verify", "--store", workspace.StoreUrl, id);
        await ShouldReadBackAsSourceReadsAsync(workspace, workspace.StoreUrl, id, "sqlite", database, schema: null, AllTypesFixture.SqliteColumns);
    }

    private async Task RoundTripPostgresAsync(Workspace workspace, string store)
    {
        var database = await postgres.CreateDatabaseAsync("backups_integ_types");
        await AllTypesFixture.CreatePostgresAsync(database);
        var policy = workspace.WritePolicy(TestPolicies.Postgres("all-types", "public", store));

        var snapshot = await workspace.RunExpectingAsync(0, "snapshot", "--policy", policy, "--source", $"postgres:{database}", "--store", store, "--json");
        var id = Json.Parse(snapshot).GetProperty("id").GetString()!;

        await workspace.RunExpectingAsync(0, "verify", "--store", store, id);
        await ShouldReadBackAsSourceReadsAsync(workspace, store, id, "postgres", database, "public", AllTypesFixture.PostgresColumns);
    }

    private static async Task ShouldReadBackAsSourceReadsAsync(
        Workspace workspace, string store, string id, string kind, string connection, string? schema, IReadOnlyList<AllTypesColumn> columns)
    {
        var manifest = await StoreAccess.ReadManifestAsync(workspace, store, id);
        var table = manifest.Tables.ShouldHaveSingleItem();
        table.Name.ShouldBe(AllTypesFixture.TableName);
        table.Columns.Select(c => c.Name).ShouldBe(columns.Select(c => c.Name).Prepend("id"));
        table.RowCount.ShouldBe(AllTypesFixture.RowCount(columns));

        var fromSnapshot = await StoreAccess.ReadSnapshotRowsAsync(workspace, store, manifest, table);
        var fromSource = (await StoreAccess.ReadSourceRowsAsync(kind, connection, schema))[AllTypesFixture.TableName];

        fromSource.Count.ShouldBe(AllTypesFixture.RowCount(columns));
        Rows.ShouldBeExactly(fromSnapshot, fromSource, $"{kind} {AllTypesFixture.TableName}");
    }
}
