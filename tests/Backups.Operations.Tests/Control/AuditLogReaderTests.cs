using Backups.Catalog;
using Backups.Operations.Control;
using Backups.Operations.Tests.Support;
using Backups.Storage;
using Backups.Storage.Wrappers;
using NodaTime;

namespace Backups.Operations.Tests.Control;

public sealed class AuditLogReaderTests : IDisposable
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 25, 12, 0);
    private readonly RetentionStore _s = new(Now);

    public void Dispose() => _s.Dispose();

    private async Task WriteAsync(Instant at, string phase)
    {
        await _s.Audit.RecordAsync(new AuditEntry(at, phase, "expire", _s.Store.Url, "x", [], null, null), CancellationToken.None);
    }

    private static async Task<List<AuditEntry>> ReadAsync(IObjectStore store, Instant? since)
    {
        var result = new List<AuditEntry>();
        await foreach (var entry in AuditLogReader.ReadAsync(store, since, CancellationToken.None))
        {
            result.Add(entry);
        }
        return result;
    }

    [Fact]
    public async Task Entries_since_a_time_are_read_without_downloading_older_ones()
    {
        for (var day = 0; day < 10; day++)
        {
            await WriteAsync(Now - Duration.FromDays(day), "done");
        }
        var counting = new FaultInjectingObjectStore(_s.Store);

        var recent = await ReadAsync(counting, Now - Duration.FromDays(2));

        recent.Select(e => e.At).ShouldBe([Now - Duration.FromDays(2), Now - Duration.FromDays(1), Now]);
        counting.Calls(StoreOperation.OpenRead).ShouldBe(3);
        (await ReadAsync(_s.Store, null)).Count.ShouldBe(10);
    }

    [Fact]
    public void Audit_keys_give_their_time()
    {
        AuditWindowStore.KeyTime("audit/20261125T120000.1234567Z-0a1b2c3d-intent.json")
            .ShouldBe(Instant.FromUtc(2026, 11, 25, 12, 0) + Duration.FromTicks(1_234_567));
        AuditWindowStore.KeyTime("audit/notes.txt").ShouldBeNull();
        AuditWindowStore.KeyTime("pins/x.json").ShouldBeNull();
    }

    [Fact]
    public async Task Entries_written_at_the_same_instant_by_one_writer_keep_their_order()
    {
        var pins = new PinStore(_s.Store, _s.Clock);
        var snapshot = await SnapshotFactory.WriteAsync(_s.Store, Now - Duration.FromHours(1));
        for (var i = 0; i < 20; i++)
        {
            await pins.PinAsync(snapshot.Id, $"reason {i}", "alice", CancellationToken.None);
        }

        var entries = await ReadAsync(_s.Store, null);

        entries.Select(e => e.Phase).ShouldBe(Enumerable.Range(0, 20).SelectMany(_ => new[] { "intent", "done" }));
        entries.Select(e => e.Detail).Where((_, i) => i % 2 == 0).ShouldBe(Enumerable.Range(0, 20).Select(i => $"by alice: reason {i}"));
    }
}
