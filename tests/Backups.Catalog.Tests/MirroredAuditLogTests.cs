using Backups.Catalog;
using Backups.Storage.Files;
using NodaTime;

namespace Backups.Catalog.Tests;

public sealed class MirroredAuditLogTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"mirrored-audit-{Guid.NewGuid():N}");

    private static AuditEntry Entry(int minute, string phase) => new(
        Instant.FromUtc(2026, 11, 1, 10, minute), phase, "pin", "file:///store", "20261101T100000Z-00000000", [], null, "by ops: incident");

    [Fact]
    public async Task Each_entry_is_written_to_the_store_and_copied_into_the_catalog_under_the_same_key()
    {
        var store = new FileObjectStore(Path.Combine(_root, "store"));
        var catalogPath = Path.Combine(_root, "catalog.db");
        var log = new MirroredAuditLog(store, catalogPath);

        await log.RecordAsync(Entry(1, "intent"), CancellationToken.None);
        await log.RecordAsync(Entry(2, "done"), CancellationToken.None);

        var keys = new List<string>();
        await foreach (var info in store.ListAsync(StoreAuditLog.Prefix, CancellationToken.None))
        {
            keys.Add(info.Key);
        }
        using var catalog = SnapshotCatalog.Open(catalogPath);
        var copied = catalog.Audit.List(store.Url);
        copied.Select(r => r.Key).ShouldBe(keys);
        copied.Select(r => (r.Entry.At, r.Entry.Phase, r.Entry.Action, r.Entry.SnapshotId, r.Entry.Detail))
            .ShouldBe([.. new[] { Entry(1, "intent"), Entry(2, "done") }.Select(e => (e.At, e.Phase, e.Action, e.SnapshotId, e.Detail))]);
    }

    [Fact]
    public async Task A_catalog_that_cannot_be_written_is_reported_and_the_entry_is_still_in_the_store()
    {
        var store = new FileObjectStore(Path.Combine(_root, "store"));
        Directory.CreateDirectory(_root);
        var notADirectory = Path.Combine(_root, "file");
        await File.WriteAllTextAsync(notADirectory, "x");
        var failures = new List<Exception>();
        var log = new MirroredAuditLog(store, Path.Combine(notADirectory, "catalog.db"), failures.Add);

        await log.RecordAsync(Entry(1, "intent"), CancellationToken.None);

        failures.ShouldHaveSingleItem();
        var entries = await new StoreAuditLog(store).ReadAsync(null, CancellationToken.None).ToListAsync();
        entries.ShouldHaveSingleItem().Phase.ShouldBe("intent");
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
