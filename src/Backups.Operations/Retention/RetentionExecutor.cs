using System.Collections.Concurrent;
using Backups.Catalog;
using Backups.Domain.Policies;
using Backups.Domain.Retention;
using Backups.Operations.Control;
using Backups.Snapshots;
using Backups.Storage;
using NodaTime;

namespace Backups.Operations.Retention;

/// <summary>
/// The retention use case: plan one policy's retention against its store (manifests, pins, incomplete snapshots),
/// guard it, and apply it audited. Plan, then apply: <see cref="PlanAsync"/> changes nothing.
/// </summary>
/// <remarks>
/// Guards: the planner's expiry guards (max-expire-per-run, max-expire-fraction) refuse unless forced; the
/// stale-backups guard (the newest snapshot is older than the schedule's interval times
/// <see cref="RetentionOptions.StaleFactor"/>) always refuses, forced or not: stopped backups are an alert,
/// never a reason to delete. A refused plan changes nothing.
/// </remarks>
public sealed class RetentionExecutor
{
    private readonly IClock _clock;
    private readonly ConcurrentDictionary<(string Store, string Id), ManifestSummary> _manifests = new();
    private readonly AuditEntryCache _auditLog = new();
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _storeLocks = new(StringComparer.Ordinal);

    public RetentionExecutor(IClock clock, RetentionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(clock);
        Options = options ?? new RetentionOptions();
        if (!(Options.StaleFactor > 0) || double.IsInfinity(Options.StaleFactor))
        {
            throw new ArgumentOutOfRangeException(nameof(options), Options.StaleFactor, "the stale factor must be a positive number");
        }
        _clock = clock;
    }

    public RetentionOptions Options { get; }

    /// <summary>
    /// Reads the planner's inputs for <paramref name="policyName"/> from the store: its complete snapshots with their pins,
    /// and the incomplete ones. One listing of <c>snapshots/</c>; each manifest is read (and checked against its checksum)
    /// once per executor, since manifests never change after they are written.
    /// </summary>
    public async Task<StoreSnapshots> ReadAsync(IObjectStore store, string policyName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentException.ThrowIfNullOrWhiteSpace(policyName);
        var pins = (await new PinStore(store, _clock).ListAsync(cancellationToken).ConfigureAwait(false))
            .ToDictionary(p => p.Id, StringComparer.Ordinal);
        var reader = new SnapshotReader();
        var snapshots = new List<SnapshotRef>();
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        var unreadable = new List<UnreadableSnapshot>();
        var incomplete = new List<IncompleteSnapshot>();
        var listed = new HashSet<string>(StringComparer.Ordinal);
        var others = 0;
        foreach (var directory in await SnapshotListing.ReadAsync(store, cancellationToken).ConfigureAwait(false))
        {
            if (!directory.HasManifest)
            {
                incomplete.Add(new IncompleteSnapshot(directory.Id, directory.Objects));
                continue;
            }
            listed.Add(directory.Id);
            if (!_manifests.TryGetValue((store.Url, directory.Id), out var summary))
            {
                try
                {
                    var manifest = await reader.ReadManifestAsync(store, directory.Id, cancellationToken).ConfigureAwait(false);
                    summary = new ManifestSummary(manifest.Policy, manifest.CompletedAt, manifest.Totals.Bytes);
                    _manifests[(store.Url, directory.Id)] = summary;
                }
                catch (Exception e) when (e is SnapshotCorruptException or SnapshotFormatException or ArgumentException)
                {
                    unreadable.Add(new UnreadableSnapshot(directory.Id, e.Message));
                    continue;
                }
                catch (ObjectNotFoundException)
                {
                    continue; // expired between listing and reading
                }
            }
            if (!string.Equals(summary.Policy, policyName, StringComparison.Ordinal))
            {
                others++;
                continue;
            }
            snapshots.Add(new SnapshotRef(directory.Id, summary.CompletedAt, SnapshotState.Complete, pins.GetValueOrDefault(directory.Id)?.Reason));
            sizes[directory.Id] = summary.Bytes;
        }

        foreach (var key in _manifests.Keys.Where(k => k.Store == store.Url && !listed.Contains(k.Id)))
        {
            _manifests.TryRemove(key, out _);
        }
        return new StoreSnapshots(store.Url, policyName, snapshots, sizes, incomplete, unreadable, others);
    }

    /// <summary>Plans from what <see cref="ReadAsync"/> read (pure: no store, no clock).</summary>
    public RetentionExecutionPlan Plan(StoreSnapshots snapshots, Policy policy, Instant now)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(policy);
        var rules = policy.Retention;
        var incompleteRefs = snapshots.Incomplete
            .Select(i => SnapshotId.TryGetStart(i.Id, out var started) ? new SnapshotRef(i.Id, started, SnapshotState.Incomplete) : null)
            .OfType<SnapshotRef>();
        var plan = RetentionPlanner.Plan([.. snapshots.Snapshots, .. incompleteRefs], rules, now);
        var stale = StaleGuard.Evaluate(plan.Anchor, policy.Schedule, policy.Zone, now, Options.StaleFactor);

        var explanation = new ExpiryExplanation(rules, plan.Anchor);
        var actions = plan.Expired
            .OrderBy(d => d.Snapshot.Time)
            .ThenBy(d => d.Snapshot.Id, StringComparer.Ordinal)
            .Select(d => new PlannedAction(PlannedActionKind.Expire, d.Snapshot.Id, d.Snapshot.Time, explanation.Why(d.Snapshot)))
            .ToList();
        if (Options.GarbageGrace is { } grace)
        {
            foreach (var item in snapshots.Incomplete)
            {
                if (SnapshotId.TryGetStart(item.Id, out var started) && now - started >= grace)
                {
                    actions.Add(new PlannedAction(
                        PlannedActionKind.DeleteGarbage,
                        item.Id,
                        started,
                        $"incomplete for {StaleGuard.Describe(now - started)} (no manifest; grace {StaleGuard.Describe(grace)})")
                    {
                        Objects = item.Objects,
                    });
                }
            }
        }
        return new RetentionExecutionPlan(policy.Name, snapshots.StoreUrl, now, rules, plan, stale, actions, snapshots);
    }

    /// <summary>Reads the store and plans <paramref name="policy"/>'s retention as of <paramref name="now"/>. Changes nothing.</summary>
    public async Task<RetentionExecutionPlan> PlanAsync(IObjectStore store, Policy policy, Instant now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var snapshots = await ReadAsync(store, policy.Name, cancellationToken).ConfigureAwait(false);
        return Plan(snapshots, policy, now);
    }

    /// <inheritdoc cref="ApplyAsync(RetentionExecutionPlan, IObjectStore, IAuditSink, bool, SnapshotCatalog?, CancellationToken)"/>
    public Task<RetentionApplyResult> ApplyAsync(
        RetentionExecutionPlan plan, IObjectStore store, IAuditSink audit, bool force, CancellationToken cancellationToken) =>
        ApplyAsync(plan, store, audit, force, null, cancellationToken);

    /// <summary>
    /// Applies a plan. When a guard refuses (stale backups always; the expiry guards unless <paramref name="force"/>)
    /// nothing is changed and the result says why. Otherwise it first finishes any expiry of the plan's policy that an
    /// earlier run began and did not finish (found in the store's own audit log, <c>audit/</c>, within
    /// <see cref="RetentionOptions.ResumeLookback"/>; pass a <see cref="StoreAuditLog"/> of the same store as
    /// <paramref name="audit"/> for the log to be complete),
    /// then runs each action in order: an <c>intent</c> entry with the full manifest and every object (key, size), the
    /// manifest deleted first, then the other objects, then <c>done</c> (or <c>failed</c> with the error, and the exception
    /// is rethrown). A snapshot pinned since planning is skipped; one already gone is skipped without an audit entry,
    /// so applying the same plan twice changes nothing the second time. Expired snapshots leave <paramref name="catalog"/> when given.
    /// </summary>
    /// <exception cref="NotSupportedException">The plan holds a <see cref="PlannedActionKind.MoveCold"/> action (checked before anything is changed).</exception>
    public async Task<RetentionApplyResult> ApplyAsync(
        RetentionExecutionPlan plan,
        IObjectStore store,
        IAuditSink audit,
        bool force,
        SnapshotCatalog? catalog,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(audit);
        if (!string.Equals(plan.StoreUrl, store.Url, StringComparison.Ordinal))
        {
            throw new ArgumentException($"the plan is for {plan.StoreUrl}, not {store.Url}", nameof(store));
        }
        if (plan.Actions.FirstOrDefault(a => a.Kind == PlannedActionKind.MoveCold) is { } cold)
        {
            throw new NotSupportedException(
                $"moving snapshots to a cold storage class is not implemented yet ({cold.SnapshotId}); nothing was changed");
        }
        var refusal = plan.RefusalReasons(force);
        if (refusal.Count > 0)
        {
            return new RetentionApplyResult { Refused = true, RefusalReasons = refusal };
        }

        // One apply at a time per store in this process: a run never sees another's expiry half-way and resumes it.
        var storeLock = _storeLocks.GetOrAdd(store.Url, _ => new SemaphoreSlim(1, 1));
        await storeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var auditClock = new AuditClock(_clock);
            var run = new ApplyRun(store, audit, catalog, auditClock);
            var since = _clock.GetCurrentInstant() - Options.ResumeLookback;
            var pendings = await ExpiryResumer.FindAsync(store, _auditLog, plan.Policy, since, auditClock, cancellationToken).ConfigureAwait(false);
            foreach (var pending in pendings)
            {
                await run.FinishAsync(pending, cancellationToken).ConfigureAwait(false);
            }

            foreach (var action in plan.Actions)
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (action.Kind)
                {
                    case PlannedActionKind.Expire:
                        await run.ExpireAsync(action, plan.Policy, cancellationToken).ConfigureAwait(false);
                        break;
                    case PlannedActionKind.DeleteGarbage:
                        await run.DeleteGarbageAsync(action, cancellationToken).ConfigureAwait(false);
                        break;
                    default:
                        throw new NotSupportedException($"retention cannot apply a {action.Kind} action yet");
                }
            }
            return run.Result();
        }
        finally
        {
            storeLock.Release();
        }
    }
}
