using System.Text.RegularExpressions;
using Backups.Catalog;
using Backups.Domain.Policies;
using Backups.Operations.Retention;
using Backups.Storage;
using NodaTime;

namespace Backups.Operations.Control;

/// <summary>
/// Policy edits that would newly expire snapshots do not take effect unseen. The retention terms in force are kept in
/// the policy's store (<c>control/retention/&lt;policy&gt;.json</c>, shared by every service instance); before retention
/// applies a policy, <see cref="ReviewAsync"/> compares its terms with them. An edit that expires nothing they keep
/// takes effect at once; one that would newly expire snapshots is held (and retention expires nothing) until someone
/// accepts it (<see cref="AcceptAsync"/>, <c>backups policy accept</c>) or the review delay passes. Holding and accepting
/// are audited.
/// </summary>
public sealed partial class RetentionReviews
{
    /// <summary>The prefix under which the terms in force live.</summary>
    public const string Prefix = "control/retention/";

    private readonly IObjectStore _store;
    private readonly IClock _clock;
    private readonly IAuditSink _audit;
    private readonly AuditClock _auditClock;
    private readonly Action<string>? _beforeWrite;

    /// <param name="store">The policy's store.</param>
    /// <param name="clock">The clock ("now" for plans, holds and delays).</param>
    /// <param name="audit">Where holds and acceptances are audited (the store's log when null).</param>
    /// <param name="beforeWrite">Told what is about to be written, before each write (for the caller's log).</param>
    public RetentionReviews(IObjectStore store, IClock clock, IAuditSink? audit = null, Action<string>? beforeWrite = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        _store = store;
        _clock = clock;
        _audit = audit ?? new StoreAuditLog(store);
        _auditClock = new AuditClock(clock);
        _beforeWrite = beforeWrite;
    }

    /// <summary><c>control/retention/&lt;policy&gt;.json</c>.</summary>
    public static string Key(string policy) =>
        PolicyName().IsMatch(policy ?? "") ? Prefix + policy + ".json" : throw new OperationInputException($"'{policy}' is not a policy name");

    /// <summary>The terms in force and any held edit, or null when retention never ran for the policy.</summary>
    public Task<RetentionAgreement?> GetAsync(string policy, CancellationToken cancellationToken) =>
        ControlJson.ReadAsync<RetentionAgreement>(_store, Key(policy), cancellationToken);

    /// <summary>
    /// Decides whether retention may apply <paramref name="policy"/> now (see the class summary), writing what changed.
    /// </summary>
    /// <param name="policy">The policy as the service runs it now.</param>
    /// <param name="executor">Plans both versions against the store's snapshots.</param>
    /// <param name="reviewDelay">How long a held edit waits for acceptance before it takes effect; null waits for acceptance.</param>
    /// <param name="by">Who is deciding (the service instance), for the record.</param>
    /// <param name="previous">The terms the service ran before a reload, used as the terms in force when the store has none yet.</param>
    public async Task<RetentionReviewVerdict> ReviewAsync(
        Policy policy, RetentionExecutor executor, Duration? reviewDelay, string by, RetentionTerms? previous, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(executor);
        var now = _clock.GetCurrentInstant();
        var terms = RetentionTerms.Of(policy.Retention);
        var agreement = await GetAsync(policy.Name, cancellationToken).ConfigureAwait(false);
        var recorded = false;
        if (agreement is null)
        {
            var baseline = previous ?? terms;
            agreement = new RetentionAgreement(policy.Name, new AcceptedTerms(baseline, now, previous is null ? $"{by} (first retention run)" : $"{by} (in force before a reload)"), null);
            await WriteAsync(agreement, $"recording the retention terms in force for {policy.Name}: {baseline.Describe()}", cancellationToken).ConfigureAwait(false);
            recorded = true;
        }
        if (agreement.InForce.Terms.SameAs(terms))
        {
            return new RetentionReviewVerdict(recorded ? ReviewOutcome.Recorded : ReviewOutcome.InForce, agreement, []);
        }

        var inForce = policy with { Retention = agreement.InForce.Terms.ToRules() };
        var comparison = await RetentionComparison.CompareAsync(executor, _store, inForce, policy, now, cancellationToken).ConfigureAwait(false);
        var newly = comparison.NewlyExpired.Select(p => p.Old.Snapshot.Id).ToList();
        if (newly.Count == 0)
        {
            var accepted = agreement with { InForce = new AcceptedTerms(terms, now, $"{by} (nothing newly expires)"), Held = null };
            await ChangeAsync(AuditActions.Accept, accepted, agreement, $"{policy.Name}: retention {terms.Describe()} in force; it expires nothing the terms before kept", cancellationToken)
                .ConfigureAwait(false);
            return new RetentionReviewVerdict(ReviewOutcome.AcceptedNothingNewlyExpires, accepted, []);
        }
        if (agreement.Held is not { } held || !held.Terms.SameAs(terms))
        {
            var hold = new HeldTerms(terms, now, reviewDelay is { } delay ? now + delay : null, newly, by);
            var holding = agreement with { Held = hold };
            var until = hold.Until is { } u ? $"until {u} unless accepted sooner" : "until accepted";
            await ChangeAsync(AuditActions.Review, holding, agreement,
                $"{policy.Name}: retention edit held for review {until}: {terms.Describe()} would newly expire {newly.Count} snapshots: {string.Join(", ", newly)}", cancellationToken)
                .ConfigureAwait(false);
            return new RetentionReviewVerdict(ReviewOutcome.Held, holding, newly);
        }
        if (held.Until is { } due && now >= due)
        {
            var accepted = agreement with { InForce = new AcceptedTerms(held.Terms, now, $"{by} (review delay passed; held since {held.HeldAt})"), Held = null };
            await ChangeAsync(AuditActions.Accept, accepted, agreement,
                $"{policy.Name}: retention {held.Terms.Describe()} in force: its review delay passed at {due}", cancellationToken).ConfigureAwait(false);
            return new RetentionReviewVerdict(ReviewOutcome.AcceptedAfterDelay, accepted, newly);
        }
        return new RetentionReviewVerdict(ReviewOutcome.StillHeld, agreement, newly);
    }

    /// <summary>Puts the held edit of <paramref name="policy"/> in force; returns it, or null when nothing is held.</summary>
    public async Task<HeldTerms?> AcceptAsync(string policy, string by, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var agreement = await GetAsync(policy, cancellationToken).ConfigureAwait(false);
        if (agreement?.Held is not { } held)
        {
            return null;
        }
        var now = _clock.GetCurrentInstant();
        var accepted = agreement with { InForce = new AcceptedTerms(held.Terms, now, by), Held = null };
        await ChangeAsync(AuditActions.Accept, accepted, agreement,
            $"{policy}: retention {held.Terms.Describe()} accepted by {by}; {held.NewlyExpiring.Count} snapshots held since {held.HeldAt} may now expire", cancellationToken)
            .ConfigureAwait(false);
        return held;
    }

    private async Task ChangeAsync(string action, RetentionAgreement after, RetentionAgreement before, string detail, CancellationToken cancellationToken)
    {
        var key = Key(after.Policy);
        var objects = new[] { new AuditObject(key, ControlJson.Serialize(after).Length) };
        await _auditClock.CatchUpAsync(_store, cancellationToken).ConfigureAwait(false);
        await _audit.RecordAsync(new AuditEntry(_auditClock.Next(), AuditActions.Intent, action, _store.Url, null, objects, ControlJson.Text(before), detail), cancellationToken)
            .ConfigureAwait(false);
        await WriteAsync(after, detail, cancellationToken).ConfigureAwait(false);
        await _audit.RecordAsync(new AuditEntry(_auditClock.Next(), AuditActions.Done, action, _store.Url, null, objects, null, detail), cancellationToken)
            .ConfigureAwait(false);
    }

    private async Task WriteAsync(RetentionAgreement agreement, string what, CancellationToken cancellationToken)
    {
        _beforeWrite?.Invoke(what);
        await ControlJson.WriteAsync(_store, Key(agreement.Policy), agreement, cancellationToken).ConfigureAwait(false);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex PolicyName();
}
