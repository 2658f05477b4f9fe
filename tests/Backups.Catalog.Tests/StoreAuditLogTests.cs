using Backups.Catalog;
using Backups.Storage.Files;
using NodaTime;

namespace Backups.Catalog.Tests;

public sealed class StoreAuditLogTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"audit-{Guid.NewGuid():N}");

    private static AuditEntry Entry(int minute, string phase, string? before = null) => new(
        Instant.FromUtc(2026, 11, 1, 10, minute), phase, "gc-delete", "file:///store", "20261101T100000Z-00000000",
        [new AuditObject("snapshots/20261101T100000Z-00000000/tables/t/part-00000.parquet", 1234)], before, "why");

    [Fact]
    public async Task Entries_are_stored_under_audit_and_read_back_in_time_order()
    {
        Directory.CreateDirectory(_root);
        var store = new FileObjectStore(_root);
        var log = new StoreAuditLog(store);
        await log.RecordAsync(Entry(2, "done"), CancellationToken.None);
        await log.RecordAsync(Entry(1, "intent", before: "{\"id\":\"x\"}"), CancellationToken.None);

        var entries = await log.ReadAsync(null, CancellationToken.None).ToListAsync();

        entries.Select(e => e.Phase).ShouldBe(["intent", "done"]);
        var expected = Entry(1, "intent", before: "{\"id\":\"x\"}");
        (entries[0] with { Objects = expected.Objects }).ShouldBe(expected);
        entries[0].Objects.ShouldBe(expected.Objects);
        Directory.GetFiles(Path.Combine(_root, "audit")).Length.ShouldBe(2);
    }

    [Fact]
    public async Task Reading_since_an_instant_skips_older_entries()
    {
        Directory.CreateDirectory(_root);
        var log = new StoreAuditLog(new FileObjectStore(_root));
        await log.RecordAsync(Entry(1, "intent"), CancellationToken.None);
        await log.RecordAsync(Entry(5, "done"), CancellationToken.None);

        var entries = await log.ReadAsync(Instant.FromUtc(2026, 11, 1, 10, 3), CancellationToken.None).ToListAsync();

        entries.ShouldHaveSingleItem().Phase.ShouldBe("done");
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
