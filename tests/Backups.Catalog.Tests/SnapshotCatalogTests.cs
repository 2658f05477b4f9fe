using Backups.Catalog;
using NodaTime;

namespace Backups.Catalog.Tests;

public sealed class SnapshotCatalogTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"catalog-{Guid.NewGuid():N}", "catalog.db");

    private static CatalogEntry Entry(string store, string id, int hour, long rows = 10) => new(
        store, id, "vacols", "postgres", "vacols", Instant.FromUtc(2026, 11, 1, hour, 0), Instant.FromUtc(2026, 11, 1, hour, 5),
        13, rows, rows * 100, "lsn=0/16B3748");

    [Fact]
    public void Entries_are_listed_oldest_first_per_store_and_survive_reopening()
    {
        using (var catalog = SnapshotCatalog.Open(_path))
        {
            catalog.Upsert(Entry("s3://b/a", "id-2", 2));
            catalog.Upsert(Entry("s3://b/a", "id-1", 1));
            catalog.Upsert(Entry("file:///x", "id-3", 3));
        }

        using var reopened = SnapshotCatalog.Open(_path);
        reopened.List("s3://b/a").Select(e => e.Id).ShouldBe(["id-1", "id-2"]);
        reopened.List().Select(e => e.Id).ShouldBe(["id-1", "id-2", "id-3"]);
        reopened.List("s3://b/a")[0].ShouldBe(Entry("s3://b/a", "id-1", 1));
    }

    [Fact]
    public void Upserting_the_same_id_updates_it_instead_of_duplicating_it()
    {
        using var catalog = SnapshotCatalog.Open(_path);
        catalog.Upsert(Entry("s3://b/a", "id-1", 1, rows: 10));
        catalog.Upsert(Entry("s3://b/a", "id-1", 1, rows: 99));

        catalog.List().ShouldHaveSingleItem().Rows.ShouldBe(99);
    }

    [Fact]
    public void Replacing_a_store_drops_what_the_store_no_longer_holds_and_leaves_other_stores_alone()
    {
        using var catalog = SnapshotCatalog.Open(_path);
        catalog.Upsert(Entry("s3://b/a", "gone", 1));
        catalog.Upsert(Entry("file:///x", "other", 2));

        var count = catalog.ReplaceStore("s3://b/a", [Entry("s3://b/a", "kept", 3)]);

        count.ShouldBe(1);
        catalog.List().Select(e => e.Id).ShouldBe(["other", "kept"]);
    }

    [Fact]
    public void Finding_by_id_reports_every_store_that_has_it()
    {
        using var catalog = SnapshotCatalog.Open(_path);
        catalog.Upsert(Entry("s3://b/a", "same", 1));
        catalog.Upsert(Entry("file:///x", "same", 1));

        catalog.FindById("same").Select(e => e.StoreUrl).ShouldBe(["file:///x", "s3://b/a"]);
        catalog.FindById("missing").ShouldBeEmpty();
    }

    [Fact]
    public void Removing_an_entry_removes_only_that_entry()
    {
        using var catalog = SnapshotCatalog.Open(_path);
        catalog.Upsert(Entry("s3://b/a", "id-1", 1));
        catalog.Upsert(Entry("s3://b/a", "id-2", 2));

        catalog.Remove("s3://b/a", "id-1");

        catalog.List().ShouldHaveSingleItem().Id.ShouldBe("id-2");
    }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_path)!, recursive: true);
}
