using System.Text.Json;
using Backups.Catalog;
using Backups.Operations.Control;
using Backups.Operations.Garbage;
using Backups.Snapshots;
using Backups.Storage;
using NodaTime;

namespace Backups.Operations;

/// <summary>
/// Finds the leftovers of interrupted snapshots and deletes those older than a grace period: objects under
/// <c>snapshots/&lt;id&gt;/</c> with no manifest, and (<see cref="PlanAllAsync"/>) multipart uploads left open in an S3
/// store, the directory store's own <c>.tmp/</c> files, and this program's files in the local temporary directory.
/// The grace period protects a snapshot being written right now. Every deletion is audited before it happens, with
/// what is deleted (keys, upload ids, paths and sizes).
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

    /// <summary>Every kind of leftover: snapshot directories, open uploads, store temporary files, local temporary files.</summary>
    /// <param name="localDirectory">The local temporary directory (<c>$BACKUPS_TEMP</c>); the system's when null.</param>
    public async Task<GarbagePlan> PlanAllAsync(IObjectStore store, Duration grace, string? localDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var snapshots = await PlanAsync(store, grace, cancellationToken);
        var now = clock.GetCurrentInstant();

        var uploads = new List<UploadGarbage>();
        if (store.AsMultipartUploadLister() is { } lister)
        {
            await foreach (var upload in lister.ListMultipartUploadsAsync("", cancellationToken))
            {
                uploads.Add(upload.Initiated is not { } begun
                    ? new UploadGarbage(upload, false, "the server does not say when it began: left alone, abort it by hand")
                    : now - begun >= grace
                        ? new UploadGarbage(upload, true, $"open for {Describe(now - begun)} (grace {Describe(grace)})")
                        : new UploadGarbage(upload, false, $"open for only {Describe(now - begun)}: may still be being written (grace {Describe(grace)})"));
            }
        }

        var temporary = new List<StoreTemporaryGarbage>();
        if (store.AsTemporaryFileLister() is { } files)
        {
            await foreach (var file in files.ListTemporaryFilesAsync(cancellationToken))
            {
                var age = now - file.LastWritten;
                temporary.Add(age >= grace
                    ? new StoreTemporaryGarbage(file, true, $"last written {Describe(age)} ago (grace {Describe(grace)})")
                    : new StoreTemporaryGarbage(file, false, $"last written only {Describe(age)} ago: may be a write in progress (grace {Describe(grace)})"));
            }
        }

        var directory = localDirectory ?? Path.GetTempPath();
        return new GarbagePlan(snapshots, uploads, temporary, LocalTemporaryFiles.Find(directory, now, grace), directory);
    }

    /// <summary>Removes every eligible item of the plan, recording intent before each removal and the outcome after.</summary>
    public async Task<GarbageResult> ApplyAllAsync(IObjectStore store, GarbagePlan plan, IAuditSink audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(audit);
        var snapshots = await ApplyAsync(store, plan.Snapshots, audit, cancellationToken);

        var uploads = 0;
        foreach (var item in plan.Uploads.Where(u => u.Eligible))
        {
            var aborter = store.AsMultipartUploadAborter() ?? throw new NotSupportedException($"{store.Url} cannot abort multipart uploads");
            var upload = item.Upload;
            var before = JsonSerializer.Serialize(new { key = upload.Key, uploadId = upload.UploadId, initiated = upload.Initiated?.ToString() });
            await AuditedAsync(audit, AuditActions.GarbageAbortUpload, store.Url, SnapshotOf(upload.Key), [new AuditObject(upload.Key, 0)], before, item.Reason,
                () => aborter.AbortMultipartUploadAsync(upload, cancellationToken), cancellationToken);
            uploads++;
        }

        var temporary = 0;
        foreach (var item in plan.StoreTemporaryFiles.Where(t => t.Eligible))
        {
            var deleter = store.AsTemporaryFileDeleter() ?? throw new NotSupportedException($"{store.Url} has no temporary files to delete");
            var file = item.File;
            var before = JsonSerializer.Serialize(new { name = file.Name, size = file.Size, lastWritten = file.LastWritten.ToString() });
            await AuditedAsync(audit, AuditActions.GarbageDeleteStoreTemporary, store.Url, null, [new AuditObject(".tmp/" + file.Name, file.Size)], before, item.Reason,
                () => deleter.DeleteTemporaryFileAsync(file.Name, cancellationToken), cancellationToken);
            temporary++;
        }

        var local = 0;
        foreach (var item in plan.LocalTemporary.Where(l => l.Eligible))
        {
            var before = JsonSerializer.Serialize(new { path = item.Path, files = item.Files, bytes = item.Bytes, lastWritten = item.LastWritten.ToString() });
            await AuditedAsync(audit, AuditActions.GarbageDeleteLocalTemporary, store.Url, item.SnapshotId, [new AuditObject(item.Path, item.Bytes)], before, item.Reason,
                () =>
                {
                    LocalTemporaryFiles.Delete(item);
                    return Task.CompletedTask;
                },
                cancellationToken);
            local++;
        }

        return new GarbageResult(snapshots, uploads, temporary, local);
    }

    private async Task AuditedAsync(
        IAuditSink audit, string action, string storeUrl, string? snapshotId, IReadOnlyList<AuditObject> objects, string before, string reason,
        Func<Task> remove, CancellationToken cancellationToken)
    {
        await audit.RecordAsync(new AuditEntry(clock.GetCurrentInstant(), AuditActions.Intent, action, storeUrl, snapshotId, objects, before, reason), cancellationToken);
        try
        {
            await remove();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await audit.RecordAsync(new AuditEntry(clock.GetCurrentInstant(), AuditActions.Failed, action, storeUrl, snapshotId, objects, null, e.Message), CancellationToken.None);
            throw;
        }

        await audit.RecordAsync(new AuditEntry(clock.GetCurrentInstant(), AuditActions.Done, action, storeUrl, snapshotId, objects, null, null), cancellationToken);
    }

    /// <summary>The snapshot id of a key under <c>snapshots/&lt;id&gt;/</c>, or null.</summary>
    private static string? SnapshotOf(string key)
    {
        if (!key.StartsWith(SnapshotKeys.Root, StringComparison.Ordinal))
        {
            return null;
        }

        var slash = key.IndexOf('/', SnapshotKeys.Root.Length);
        return slash > SnapshotKeys.Root.Length ? key[SnapshotKeys.Root.Length..slash] : null;
    }

    internal static string Describe(Duration duration) =>
        duration.TotalDays >= 1 ? $"{duration.TotalDays:0.#}d"
        : duration.TotalHours >= 1 ? $"{duration.TotalHours:0.#}h"
        : $"{Math.Max(0, duration.TotalMinutes):0}m";
}
