using System.Text.RegularExpressions;
using Backups.Catalog;
using Backups.Storage;
using NodaTime;

namespace Backups.Operations.Control;

/// <summary>
/// Per-policy pauses, kept in the store that every service instance of the policy shares:
/// <c>control/pause/&lt;policy&gt;.json</c>. Each job (snapshot, retention, verify) checks
/// <see cref="IsPausedAsync"/> before it runs. Pausing and resuming are audited in the store's audit log.
/// </summary>
/// <remarks>
/// One object per policy: concurrent changes to different policies never interfere; two operators changing the
/// same policy at the same instant race, and the last write wins (each write is whole, never partial).
/// </remarks>
public sealed partial class PauseState
{
    /// <summary>The prefix under which pause objects live.</summary>
    public const string Prefix = "control/pause/";

    private readonly IObjectStore _store;
    private readonly IClock _clock;
    private readonly IAuditSink _audit;
    private readonly AuditClock _auditClock;

    public PauseState(IObjectStore store, IClock clock, IAuditSink? audit = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        _store = store;
        _clock = clock;
        _audit = audit ?? new StoreAuditLog(store);
        _auditClock = new AuditClock(clock);
    }

    /// <summary><c>control/pause/&lt;policy&gt;.json</c>.</summary>
    public static string Key(string policy) => Prefix + ValidatePolicy(policy) + ".json";

    /// <summary>Whether <paramref name="job"/> is paused for <paramref name="policy"/> (one small read of the store).</summary>
    public async Task<bool> IsPausedAsync(string policy, PausableJob job, CancellationToken cancellationToken) =>
        (await GetAsync(policy, cancellationToken).ConfigureAwait(false)).IsPaused(job);

    /// <summary>The paused jobs of a policy (an empty list when nothing is paused).</summary>
    public async Task<PolicyPause> GetAsync(string policy, CancellationToken cancellationToken) =>
        await ControlJson.ReadAsync<PolicyPause>(_store, Key(policy), cancellationToken).ConfigureAwait(false)
        ?? new PolicyPause(policy, []);

    /// <summary>Every policy of the store with at least one paused job, by policy name.</summary>
    public async Task<IReadOnlyList<PolicyPause>> ListAsync(CancellationToken cancellationToken)
    {
        var result = new List<PolicyPause>();
        await foreach (var info in _store.ListAsync(Prefix, cancellationToken).ConfigureAwait(false))
        {
            if (info.Key.EndsWith(".json", StringComparison.Ordinal)
                && await ControlJson.ReadAsync<PolicyPause>(_store, info.Key, cancellationToken).ConfigureAwait(false) is { Jobs.Count: > 0 } pause)
            {
                result.Add(pause);
            }
        }
        return result;
    }

    /// <summary>Pauses <paramref name="jobs"/> (pausing a paused job replaces its reason); returns the new state.</summary>
    public async Task<PolicyPause> PauseAsync(
        string policy, IReadOnlyCollection<PausableJob> jobs, string? reason, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        if (jobs.Count == 0)
        {
            throw new OperationInputException("nothing to pause: give at least one job");
        }
        var before = await ControlJson.ReadAsync<PolicyPause>(_store, Key(policy), cancellationToken).ConfigureAwait(false);
        var now = _clock.GetCurrentInstant();
        var reasonText = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        var kept = (before?.Jobs ?? []).Where(j => !jobs.Contains(j.Job));
        var added = jobs.Distinct().Select(j => new JobPause(j, reasonText, now, by));
        var after = new PolicyPause(policy, [.. kept.Concat(added).OrderBy(j => j.Job)]);
        var detail = $"{string.Join(",", jobs.Distinct().Select(j => j.Name()))} by {by}{(reasonText is null ? "" : $": {reasonText}")}";
        await ChangeAsync(AuditActions.Pause, policy, before, after, detail, cancellationToken).ConfigureAwait(false);
        return after;
    }

    /// <summary>
    /// Resumes <paramref name="jobs"/> (every paused job when null); returns the new state. Resuming a job that is
    /// not paused changes nothing and writes nothing.
    /// </summary>
    public async Task<PolicyPause> ResumeAsync(
        string policy, IReadOnlyCollection<PausableJob>? jobs, string by, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var before = await ControlJson.ReadAsync<PolicyPause>(_store, Key(policy), cancellationToken).ConfigureAwait(false);
        if (before is null || before.Jobs.Count == 0)
        {
            return new PolicyPause(policy, []);
        }
        var resumed = before.Jobs.Where(j => jobs is null || jobs.Contains(j.Job)).ToList();
        if (resumed.Count == 0)
        {
            return before;
        }
        var after = new PolicyPause(policy, [.. before.Jobs.Except(resumed)]);
        var detail = $"{string.Join(",", resumed.Select(j => j.Job.Name()))} by {by}";
        await ChangeAsync(AuditActions.Resume, policy, before, after, detail, cancellationToken).ConfigureAwait(false);
        return after;
    }

    private async Task ChangeAsync(string action, string policy, PolicyPause? before, PolicyPause after, string detail, CancellationToken cancellationToken)
    {
        var key = Key(policy);
        var objects = new[] { new AuditObject(key, after.Jobs.Count == 0 ? 0 : ControlJson.Serialize(after).Length) };
        var beforeText = before is null ? null : ControlJson.Text(before);
        await _auditClock.CatchUpAsync(_store, cancellationToken).ConfigureAwait(false);
        await _audit.RecordAsync(new AuditEntry(_auditClock.Next(), AuditActions.Intent, action, _store.Url, null, objects, beforeText, $"{policy}: {detail}"), cancellationToken)
            .ConfigureAwait(false);
        if (after.Jobs.Count == 0)
        {
            await _store.DeleteAsync(key, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await ControlJson.WriteAsync(_store, key, after, cancellationToken).ConfigureAwait(false);
        }
        await _audit.RecordAsync(new AuditEntry(_auditClock.Next(), AuditActions.Done, action, _store.Url, null, objects, null, $"{policy}: {detail}"), cancellationToken)
            .ConfigureAwait(false);
    }

    private static string ValidatePolicy(string policy) =>
        policy is not null && PolicyName().IsMatch(policy)
            ? policy
            : throw new OperationInputException($"'{policy}' is not a policy name (lowercase letters, digits, '_' and '-', starting with a letter or digit, at most 63 characters)");

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex PolicyName();
}
