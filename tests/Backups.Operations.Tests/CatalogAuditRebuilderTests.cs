using Backups.Catalog;
using Backups.Operations.Tests.Support;
using Backups.Storage.Files;
using NodaTime;

namespace Backups.Operations.Tests;

public sealed class CatalogAuditRebuilderTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private static AuditEntry Entry(int minute, string phase) => new(
        Instant.FromUtc(2026, 11, 1, 10, minute), phase, "expire", "file:///store", "20261101T100000Z-00000000", [new AuditObject("k", 1)], null, "why");

    [Fact]
    public async Task The_entries_the_catalog_lacks_are_copied_from_the_store_once()
    {
        var store = new FileObjectStore(_directory.Sub("store"));
        var catalogPath = _directory.Sub("catalog.db");
        // One entry reached the catalog; two were written to the store only (the catalog was unwritable, or lost).
        await new MirroredAuditLog(store, catalogPath).RecordAsync(Entry(1, "intent"), CancellationToken.None);
        await new StoreAuditLog(store).RecordAsync(Entry(2, "done"), CancellationToken.None);
        await new StoreAuditLog(store).RecordAsync(Entry(3, "intent"), CancellationToken.None);
        using var catalog = SnapshotCatalog.Open(catalogPath);

        var first = await CatalogAuditRebuilder.RebuildAsync(store, catalog, CancellationToken.None);
        var second = await CatalogAuditRebuilder.RebuildAsync(store, catalog, CancellationToken.None);

        first.ShouldBe((3, 2));
        second.ShouldBe((3, 0));
        catalog.Audit.List(store.Url).Select(r => (r.Entry.At, r.Entry.Phase))
            .ShouldBe([(Entry(1, "intent").At, "intent"), (Entry(2, "done").At, "done"), (Entry(3, "intent").At, "intent")]);
    }

    public void Dispose() => _directory.Dispose();
}
