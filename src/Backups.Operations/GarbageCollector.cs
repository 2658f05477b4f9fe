using System.Text.Json;
using Backups.Catalog;
using Backups.Snapshots;
using Backups.Storage;
using NodaTime;

namespace Backups.Operations;

/// <summary>
/// Finds the leftovers of interrupted snapshots (objects under <c>snapshots/&lt;id&gt;/</c> with no manifest)
/// and deletes those older than a grace period. The grace period protects a snapshot being written right now.
/// Every deletion is audited before it happens, with the full list of objects.
/// </summary>
public sealed class GarbageCollector(IClock clock)
{
    public static Duration DefaultGrace { get; } = Duration.FromHours(24);

    public async Task<IReadOnlyList<GarbageItem>> PlanAsync(IObjectStore store, Duration grace, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var items = new List<GarbageItem>();
        await foreach (var incomplete in new SnapshotReader().ListIncompleteAsync(store, cancellationToken))
        {
            if (!SnapshotId.TryGetStart(incomplete.Id, out var started))
            {
                items.Add(new GarbageItem(incomplete, null, false, "not a snapshot id: left alone, inspect by hand"));
                continue;
            }
            var age = now - started;
            items.Add(age >= grace
                ? new GarbageItem(incomplete, started, true, $"incomplete for {Describe(age)} (grace {Describe(grace)})")
                : new GarbageItem(incomplete, started, false, $"incomplete for only {Describe(age)}: may still be being written (grace {Describe(grace)})"));
        }
        return items;
    }

    /// <summary>Deletes every eligible item's objects, recording intent before and the outcome after.</summary>
    public async Task<int> ApplyAsync(IObjectStore store, IReadOnlyList<GarbageItem> items, IAuditSink audit, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var item in items.Where(i => i.Eligible))
        {
            var objects = item.Snapshot.Objects.Select(o => new AuditObject(o.Key, o.Size, o.StorageClass)).ToList();
            var before = JsonSerializer.Serialize(new { id = item.Snapshot.Id, objects = objects.Select(o => new { key = o.Key, size = o.Size }) });
            await audit.RecordAsync(new AuditEntry(clock.GetCurrentInstant(), "intent", "gc-delete", store.Url, item.Snapshot.Id, objects, before, item.Reason), cancellationToken);
            try
            {
                foreach (var info in item.Snapshot.Objects)
                {
                    await store.DeleteAsync(info.Key, cancellationToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await audit.RecordAsync(new AuditEntry(clock.GetCurrentInstant(), "failed", "gc-delete", store.Url, item.Snapshot.Id, objects, null, e.Message), CancellationToken.None);
                throw;
            }
            await audit.RecordAsync(new AuditEntry(clock.GetCurrentInstant(), "done", "gc-delete", store.Url, item.Snapshot.Id, objects, null, null), cancellationToken);
            deleted++;
        }
        return deleted;
    }

    internal static string Describe(Duration duration) =>
        duration.TotalDays >= 1 ? $"{duration.TotalDays:0.#}d"
        : duration.TotalHours >= 1 ? $"{duration.TotalHours:0.#}h"
        : $"{Math.Max(0, duration.TotalMinutes):0}m";
}
