using Backups.Catalog;
using Backups.Operations;
using Backups.Operations.Control;
using Backups.Operations.Retention;
using Backups.Service.Health;
using Backups.Service.Hosting;
using Backups.Service.Scheduling;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Backups.Service.Jobs;

/// <summary>
/// Before retention applies a policy, compares its retention terms with those in force in its store
/// (<see cref="RetentionReviews"/>): an edit that would newly expire snapshots is held for review, logged as an error
/// naming every such snapshot at each run, until <c>backups policy accept</c> or the review delay
/// (<c>retention.review-delay</c>) lets it take effect.
/// </summary>
internal sealed partial class ReviewGate(
    ServiceEnvironment environment,
    IClock clock,
    RetentionExecutor executor,
    ServiceConfiguration configuration,
    CatalogFiles catalogs,
    PolicyStatusBoard board,
    ILogger<ReviewGate> log)
{
    /// <summary>Who decides, in the stored terms and the audit log.</summary>
    private static readonly string Deciding = $"service on {Environment.MachineName}";

    /// <summary>Whether retention of <paramref name="policy"/> must not run now (an edit is held for review).</summary>
    /// <param name="policy">The policy as the service runs it.</param>
    /// <param name="previous">The terms the service ran before a reload changed them, if it did.</param>
    /// <param name="cancellationToken">Stops the check.</param>
    public async Task<RetentionReviewVerdict> ReviewAsync(ScheduledPolicy policy, RetentionTerms? previous, CancellationToken cancellationToken)
    {
        using var handle = StoreOpener.Open(policy.Policy.StoreUrl, environment.Get, policy.Policy.StoreS3);
        var audit = new MirroredAuditLog(handle.Store, catalogs.Path, e => AuditNotMirrored(policy.Name, e.Message));
        var reviews = new RetentionReviews(handle.Store, clock, audit, what => Writing(policy.Name, handle.Url, what));
        var delay = configuration.Settings.Maintenance.ReviewDelay is { } d ? Duration.FromTimeSpan(d) : (Duration?)null;
        var verdict = await reviews.ReviewAsync(policy.Policy, executor, delay, Deciding, previous, cancellationToken);
        board.Reviewed(policy.Name, verdict.Agreement.Held);
        var terms = RetentionTerms.Of(policy.Policy.Retention).Describe();
        switch (verdict.Outcome)
        {
            case ReviewOutcome.Held or ReviewOutcome.StillHeld:
                var held = verdict.Agreement.Held!;
                Held(
                    policy.Name,
                    terms,
                    verdict.Agreement.InForce.Terms.Describe(),
                    verdict.NewlyExpiring.Count,
                    string.Join(", ", verdict.NewlyExpiring),
                    held.Until is { } until ? $"{until} (retention.review-delay)" : "never (retention.review-delay: never)");
                break;
            case ReviewOutcome.AcceptedNothingNewlyExpires:
                NothingNewlyExpires(policy.Name, terms);
                break;
            case ReviewOutcome.AcceptedAfterDelay:
                DelayPassed(policy.Name, terms, verdict.NewlyExpiring.Count);
                break;
        }
        return verdict;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention of {Policy} is HELD FOR REVIEW: the edited terms ({Terms}) would newly expire {Count} snapshots that the terms in force ({InForce}) keep: {Snapshots}. Nothing expires until 'backups policy accept {Policy}' or {Until}")]
    private partial void Held(string policy, string terms, string inForce, int count, string snapshots, string until);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention of {Policy}: the edited terms ({Terms}) expire nothing the terms before kept; in force now")]
    private partial void NothingNewlyExpires(string policy, string terms);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention of {Policy}: the edit held for review takes effect, its review delay passed ({Terms}); {Count} snapshots it newly expires may now be expired")]
    private partial void DelayPassed(string policy, string terms, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention of {Policy}: writing to {Store}: {What}")]
    private partial void Writing(string policy, string store, string what);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit entry of {Policy} written to the store but not copied into the catalog: {Reason}")]
    private partial void AuditNotMirrored(string policy, string reason);
}
