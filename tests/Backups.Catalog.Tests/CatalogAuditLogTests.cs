using Backups.Catalog;
using Microsoft.Data.Sqlite;
using NodaTime;

namespace Backups.Catalog.Tests;

public sealed class CatalogAuditLogTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"catalog-audit-{Guid.NewGuid():N}");

    private string CatalogPath => Path.Combine(_directory, "catalog.db");

    private static AuditEntry Entry(int minute, string phase, string store = "file:///a", string? before = null) => new(
        Instant.FromUtc(2026, 11, 1, 10, minute), phase, "expire", store, "20261101T100000Z-00000000",
        [new AuditObject("snapshots/20261101T100000Z-00000000/manifest.json", 321, "STANDARD"), new AuditObject("snapshots/x/part.parquet", 1234)],
        before, "policy vacols: outside every window");

    [Fact]
    public void Entries_of_every_store_are_listed_in_time_order_and_read_back_whole()
    {
        using (var catalog = SnapshotCatalog.Open(CatalogPath))
        {
            catalog.Audit.Append("file:///a", "audit/2", Entry(2, "done")).ShouldBeTrue();
            catalog.Audit.Append("file:///b", "audit/3", Entry(3, "intent", store: "file:///b")).ShouldBeTrue();
            catalog.Audit.Append("file:///a", "audit/1", Entry(1, "intent", before: "{\"id\":\"x\"}")).ShouldBeTrue();
        }

        using var reopened = SnapshotCatalog.Open(CatalogPath);
        var all = reopened.Audit.List();
        all.Select(r => r.Key).ShouldBe(["audit/1", "audit/2", "audit/3"]);
        all.Select(r => r.StoreUrl).ShouldBe(["file:///a", "file:///a", "file:///b"]);
        var expected = Entry(1, "intent", before: "{\"id\":\"x\"}");
        (all[0].Entry with { Objects = expected.Objects }).ShouldBe(expected);
        all[0].Entry.Objects.ShouldBe(expected.Objects);
    }

    [Fact]
    public void A_store_and_an_instant_narrow_the_list()
    {
        using var catalog = SnapshotCatalog.Open(CatalogPath);
        catalog.Audit.Append("file:///a", "audit/1", Entry(1, "intent"));
        catalog.Audit.Append("file:///a", "audit/5", Entry(5, "done"));
        catalog.Audit.Append("file:///b", "audit/6", Entry(6, "intent", store: "file:///b"));

        catalog.Audit.List("file:///a").Select(r => r.Key).ShouldBe(["audit/1", "audit/5"]);
        catalog.Audit.List(since: Instant.FromUtc(2026, 11, 1, 10, 3)).Select(r => r.Key).ShouldBe(["audit/5", "audit/6"]);
        catalog.Audit.List("file:///a", Instant.FromUtc(2026, 11, 1, 10, 5)).ShouldHaveSingleItem().Key.ShouldBe("audit/5");
        catalog.Audit.Count("file:///a").ShouldBe(2);
        catalog.Audit.Keys("file:///b").ShouldBe(["audit/6"]);
    }

    [Fact]
    public void Appending_a_key_again_changes_nothing()
    {
        using var catalog = SnapshotCatalog.Open(CatalogPath);
        catalog.Audit.Append("file:///a", "audit/1", Entry(1, "intent")).ShouldBeTrue();

        catalog.Audit.Append("file:///a", "audit/1", Entry(9, "done")).ShouldBeFalse();

        catalog.Audit.List().ShouldHaveSingleItem().Entry.Phase.ShouldBe("intent");
    }

    [Fact]
    public void A_catalog_of_the_first_version_gains_the_audit_table_and_keeps_its_snapshots()
    {
        Directory.CreateDirectory(_directory);
        using (var old = new SqliteConnection($"Data Source={CatalogPath};Pooling=false"))
        {
            old.Open();
            using var create = old.CreateCommand();
            create.CommandText = """
                CREATE TABLE snapshots (store_url TEXT NOT NULL, id TEXT NOT NULL, policy TEXT NOT NULL, source_kind TEXT NOT NULL,
                    source_database TEXT NOT NULL, started_ticks INTEGER NOT NULL, completed_ticks INTEGER NOT NULL, tables INTEGER NOT NULL,
                    rows INTEGER NOT NULL, bytes INTEGER NOT NULL, consistency_point TEXT NOT NULL, PRIMARY KEY (store_url, id));
                INSERT INTO snapshots VALUES ('file:///a', 'id-1', 'vacols', 'sqlite', 'db', 0, 1, 1, 2, 3, '');
                PRAGMA user_version = 1;
                """;
            create.ExecuteNonQuery();
        }

        using var catalog = SnapshotCatalog.Open(CatalogPath);

        catalog.List().ShouldHaveSingleItem().Id.ShouldBe("id-1");
        catalog.Audit.Append("file:///a", "audit/1", Entry(1, "intent")).ShouldBeTrue();
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
