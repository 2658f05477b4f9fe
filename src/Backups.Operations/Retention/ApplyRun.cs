using System.Text;
using System.Text.Json;
using Backups.Catalog;
using Backups.Operations.Control;
using Backups.Snapshots;
using Backups.Storage;

namespace Backups.Operations.Retention;

/// <summary>
/// One application of a retention plan: runs each action audited (intent with the full before-state, the change,
/// then done or failed) and keeps count. Expiry deletes the manifest first, so the snapshot disappears at once and a
/// crash can only leave invisible leftovers, which the next run finishes from the intent.
/// </summary>
internal sealed class ApplyRun(IObjectStore store, IAuditSink audit, SnapshotCatalog? catalog, AuditClock auditClock)
{
    private readonly List<string> _expired = [];
    private readonly List<string> _resumed = [];
    private readonly List<string> _abandoned = [];
    private readonly List<string> _alreadyGone = [];
    private readonly List<string> _skippedPinned = [];
    private readonly List<string> _garbage = [];
    private long _objects;
    private long _bytes;

    public RetentionApplyResult Result() => new()
    {
        Expired = _expired,
        Resumed = _resumed,
        Abandoned = _abandoned,
        AlreadyGone = _alreadyGone,
        SkippedPinned = _skippedPinned,
        GarbageDeleted = _garbage,
        ObjectsDeleted = _objects,
        BytesDeleted = _bytes,
    };

    /// <summary>Finishes an expiry an earlier run began, deleting what its intent lists (deleting a missing object is not an error).</summary>
    public async Task FinishAsync(PendingExpiry pending, CancellationToken cancellationToken)
    {
        var intent = pending.Intent;
        var id = intent.SnapshotId!;
        var manifestKey = SnapshotKeys.Manifest(id);
        var manifestThere = await store.HeadAsync(manifestKey, cancellationToken).ConfigureAwait(false) is not null;
        if (manifestThere && await store.HeadAsync(PinStore.Key(id), cancellationToken).ConfigureAwait(false) is not null)
        {
            // Still complete and pinned since: the pin wins over an unfinished decision.
            await RecordAsync(AuditActions.Failed, id, intent.Objects, $"not resumed: pinned after the expiry begun at {intent.At} was recorded", cancellationToken)
                .ConfigureAwait(false);
            _abandoned.Add(id);
            return;
        }

        var detail = pending.Failure is null
            ? $"resumed: finished the expiry begun at {intent.At} (the run that began it stopped before recording an outcome)"
            : $"resumed: finished the expiry begun at {intent.At}, which failed after its manifest was deleted ({pending.Failure.Detail})";
        var keys = intent.Objects.Select(o => o.Key).Where(k => k != manifestKey).ToList();
        await DeleteAuditedAsync(id, intent.Objects, manifestThere ? [manifestKey, .. keys] : keys, cancellationToken).ConfigureAwait(false);
        await RecordAsync(AuditActions.Done, id, intent.Objects, detail, cancellationToken).ConfigureAwait(false);
        catalog?.Remove(store.Url, id);
        _resumed.Add(id);
    }

    /// <summary>Expires one snapshot: intent with the full manifest, delete the manifest, then every other object, then done.</summary>
    public async Task ExpireAsync(PlannedAction action, string policy, CancellationToken cancellationToken)
    {
        var id = action.SnapshotId;
        if (await store.HeadAsync(PinStore.Key(id), cancellationToken).ConfigureAwait(false) is not null)
        {
            _skippedPinned.Add(id);
            return;
        }
        var manifest = await TryReadTextAsync(SnapshotKeys.Manifest(id), cancellationToken).ConfigureAwait(false);
        if (manifest is null)
        {
            _alreadyGone.Add(id);
            return;
        }

        var listed = await ListAsync(SnapshotKeys.SnapshotPrefix(id), cancellationToken).ConfigureAwait(false);
        var manifestKey = SnapshotKeys.Manifest(id);
        var objects = listed.Select(o => new AuditObject(o.Key, o.Size, o.StorageClass)).ToList();
        if (!objects.Any(o => o.Key == manifestKey))
        {
            objects.Insert(0, new AuditObject(manifestKey, Encoding.UTF8.GetByteCount(manifest)));
        }
        var reason = $"policy {policy}: {action.Reason}";
        await audit.RecordAsync(
            new AuditEntry(auditClock.Next(), AuditActions.Intent, AuditActions.Expire, store.Url, id, objects, manifest, reason),
            cancellationToken).ConfigureAwait(false);
        await DeleteAuditedAsync(id, objects, [manifestKey, .. objects.Select(o => o.Key).Where(k => k != manifestKey)], cancellationToken)
            .ConfigureAwait(false);
        await RecordAsync(AuditActions.Done, id, objects, reason, cancellationToken).ConfigureAwait(false);
        catalog?.Remove(store.Url, id);
        _expired.Add(id);
    }

    /// <summary>Deletes the objects of an incomplete snapshot, unless it got its manifest since planning.</summary>
    public async Task DeleteGarbageAsync(PlannedAction action, CancellationToken cancellationToken)
    {
        var id = action.SnapshotId;
        if (await store.HeadAsync(SnapshotKeys.Manifest(id), cancellationToken).ConfigureAwait(false) is not null)
        {
            return; // completed after planning: not garbage
        }
        var listed = await ListAsync(SnapshotKeys.SnapshotPrefix(id), cancellationToken).ConfigureAwait(false);
        if (listed.Count == 0)
        {
            _alreadyGone.Add(id);
            return;
        }
        var objects = listed.Select(o => new AuditObject(o.Key, o.Size, o.StorageClass)).ToList();
        var before = JsonSerializer.Serialize(new { id, objects = objects.Select(o => new { key = o.Key, size = o.Size }) });
        await audit.RecordAsync(
            new AuditEntry(auditClock.Next(), AuditActions.Intent, AuditActions.GarbageDelete, store.Url, id, objects, before, action.Reason),
            cancellationToken).ConfigureAwait(false);
        await DeleteAuditedAsync(id, objects, [.. objects.Select(o => o.Key)], cancellationToken, AuditActions.GarbageDelete).ConfigureAwait(false);
        await audit.RecordAsync(
            new AuditEntry(auditClock.Next(), AuditActions.Done, AuditActions.GarbageDelete, store.Url, id, objects, null, action.Reason),
            cancellationToken).ConfigureAwait(false);
        _garbage.Add(id);
    }

    /// <summary>Deletes <paramref name="keys"/> in order; on failure records <c>failed</c> with the error (best effort) and rethrows.</summary>
    private async Task DeleteAuditedAsync(
        string id, IReadOnlyList<AuditObject> objects, IReadOnlyList<string> keys, CancellationToken cancellationToken, string action = AuditActions.Expire)
    {
        var sizes = objects.GroupBy(o => o.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Size, StringComparer.Ordinal);
        try
        {
            foreach (var key in keys)
            {
                await store.DeleteAsync(key, cancellationToken).ConfigureAwait(false);
                _objects++;
                _bytes += sizes.GetValueOrDefault(key);
            }
        }
        catch (Exception error)
        {
            try
            {
                await audit.RecordAsync(
                    new AuditEntry(auditClock.Next(), AuditActions.Failed, action, store.Url, id, objects, null, error.Message),
                    CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // The store that failed the delete may refuse the record too; the intent without an outcome is enough
                // for the next run to finish the job.
            }
            throw;
        }
    }

    private Task RecordAsync(string phase, string id, IReadOnlyList<AuditObject> objects, string detail, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditEntry(auditClock.Next(), phase, AuditActions.Expire, store.Url, id, objects, null, detail), cancellationToken);

    private async Task<string?> TryReadTextAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var stream = await store.OpenReadAsync(key, cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                using var reader = new StreamReader(stream, Encoding.UTF8);
                return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (ObjectNotFoundException)
        {
            return null;
        }
    }

    private async Task<List<ObjectInfo>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        var result = new List<ObjectInfo>();
        await foreach (var info in store.ListAsync(prefix, cancellationToken).ConfigureAwait(false))
        {
            result.Add(info);
        }
        return result;
    }
}
