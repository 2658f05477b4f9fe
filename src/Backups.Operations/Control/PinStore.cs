using Backups.Catalog;
using Backups.Snapshots;
using Backups.Storage;
using NodaTime;

namespace Backups.Operations.Control;

/// <summary>
/// Pins in a store: <c>pins/&lt;snapshot-id&gt;.json</c> holding <c>{id, reason, pinnedAt, by}</c>. A pinned snapshot is
/// never expired. Pinning and unpinning are audited (<c>pin</c> / <c>unpin</c>, intent then done) in the store's audit log
/// unless another sink is given.
/// </summary>
public sealed class PinStore
{
    /// <summary>The prefix under which pins live.</summary>
    public const string Prefix = "pins/";

    private readonly IObjectStore _store;
    private readonly IAuditSink _audit;
    private readonly AuditClock _auditClock;
    private readonly IClock _clock;

    public PinStore(IObjectStore store, IClock clock, IAuditSink? audit = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        _store = store;
        _clock = clock;
        _audit = audit ?? new StoreAuditLog(store);
        _auditClock = new AuditClock(clock);
    }

    /// <summary><c>pins/&lt;id&gt;.json</c>.</summary>
    public static string Key(string id) => Prefix + id + ".json";

    /// <summary>
    /// Pins a complete snapshot of this store (re-pinning replaces the reason). Throws <see cref="OperationInputException"/>
    /// when <paramref name="id"/> is not a snapshot id or the store has no complete snapshot with it.
    /// </summary>
    public async Task<Pin> PinAsync(string id, string reason, string by, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        await RequireSnapshotAsync(id, cancellationToken).ConfigureAwait(false);
        var previous = await GetAsync(id, cancellationToken).ConfigureAwait(false);
        var pin = new Pin(id, reason.Trim(), _clock.GetCurrentInstant(), by);
        var objects = new[] { new AuditObject(Key(id), ControlJson.Serialize(pin).Length) };
        var detail = $"by {by}: {pin.Reason}";
        await _auditClock.CatchUpAsync(_store, cancellationToken).ConfigureAwait(false);
        await RecordAsync(AuditActions.Intent, AuditActions.Pin, id, objects, previous is null ? null : ControlJson.Text(previous), detail, cancellationToken)
            .ConfigureAwait(false);
        await ControlJson.WriteAsync(_store, Key(id), pin, cancellationToken).ConfigureAwait(false);
        await RecordAsync(AuditActions.Done, AuditActions.Pin, id, objects, null, detail, cancellationToken).ConfigureAwait(false);
        return pin;
    }

    /// <summary>
    /// Removes a pin; returns it, or null when the snapshot exists but was not pinned. Throws
    /// <see cref="OperationInputException"/> when there is neither a pin nor a complete snapshot with this id.
    /// </summary>
    public async Task<Pin?> UnpinAsync(string id, string by, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        ValidateId(id);
        var pin = await GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (pin is null)
        {
            await RequireSnapshotAsync(id, cancellationToken).ConfigureAwait(false);
            return null;
        }
        var objects = new[] { new AuditObject(Key(id), ControlJson.Serialize(pin).Length) };
        var detail = $"by {by}; was pinned by {pin.By}: {pin.Reason}";
        await _auditClock.CatchUpAsync(_store, cancellationToken).ConfigureAwait(false);
        await RecordAsync(AuditActions.Intent, AuditActions.Unpin, id, objects, ControlJson.Text(pin), detail, cancellationToken).ConfigureAwait(false);
        await _store.DeleteAsync(Key(id), cancellationToken).ConfigureAwait(false);
        await RecordAsync(AuditActions.Done, AuditActions.Unpin, id, objects, null, detail, cancellationToken).ConfigureAwait(false);
        return pin;
    }

    /// <summary>The pin of one snapshot, or null.</summary>
    public Task<Pin?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ValidateId(id);
        return ControlJson.ReadAsync<Pin>(_store, Key(id), cancellationToken);
    }

    /// <summary>Every pin in the store, in id order. Objects under <c>pins/</c> that are not pins are ignored.</summary>
    public async Task<IReadOnlyList<Pin>> ListAsync(CancellationToken cancellationToken)
    {
        var pins = new List<Pin>();
        await foreach (var info in _store.ListAsync(Prefix, cancellationToken).ConfigureAwait(false))
        {
            var name = info.Key[Prefix.Length..];
            if (!name.EndsWith(".json", StringComparison.Ordinal) || !SnapshotId.IsValid(name[..^".json".Length]))
            {
                continue;
            }
            if (await ControlJson.ReadAsync<Pin>(_store, info.Key, cancellationToken).ConfigureAwait(false) is { } pin)
            {
                pins.Add(pin);
            }
        }
        return pins;
    }

    private static void ValidateId(string id)
    {
        if (!SnapshotId.IsValid(id))
        {
            throw new OperationInputException($"'{id}' is not a snapshot id (expected e.g. 20261125T040000Z-1a2b3c4d; see 'backups list')");
        }
    }

    private async Task RequireSnapshotAsync(string id, CancellationToken cancellationToken)
    {
        ValidateId(id);
        if (await _store.HeadAsync(SnapshotKeys.Manifest(id), cancellationToken).ConfigureAwait(false) is null)
        {
            throw new OperationInputException($"unknown snapshot id '{id}': {_store.Url} has no complete snapshot with it (see 'backups list --store {_store.Url}')");
        }
    }

    private Task RecordAsync(
        string phase, string action, string id, IReadOnlyList<AuditObject> objects, string? before, string detail, CancellationToken cancellationToken) =>
        _audit.RecordAsync(new AuditEntry(_auditClock.Next(), phase, action, _store.Url, id, objects, before, detail), cancellationToken);
}
