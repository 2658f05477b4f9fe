using Backups.Domain.Retention;
using NodaTime;

namespace Backups.Operations.Retention;

/// <summary>
/// A retention plan for one policy in one store, ready to apply: the planner's decisions with reasons, the guards'
/// verdicts and the actions apply would take, oldest snapshot first. Made by <see cref="RetentionExecutor.PlanAsync"/>.
/// </summary>
/// <param name="Policy">The policy planned.</param>
/// <param name="StoreUrl">The store planned; apply refuses any other.</param>
/// <param name="Now">The instant the plan is made as of.</param>
/// <param name="Rules">The policy's retention rules.</param>
/// <param name="Plan">The pure planner's result: every complete snapshot kept or expired, with reasons, and the expiry guards' verdict.</param>
/// <param name="Stale">The stale-backups guard's verdict.</param>
/// <param name="Actions">What apply does, in order.</param>
/// <param name="Snapshots">What was read from the store.</param>
public sealed record RetentionExecutionPlan(
    string Policy,
    string StoreUrl,
    Instant Now,
    RetentionRules Rules,
    RetentionPlan Plan,
    StaleVerdict Stale,
    IReadOnlyList<PlannedAction> Actions,
    StoreSnapshots Snapshots)
{
    /// <summary>The expiry guards' verdict (max-expire-per-run, max-expire-fraction): <c>force</c> overrides it.</summary>
    public GuardVerdict Guard => Plan.Guard;

    /// <summary>The expire actions.</summary>
    public IEnumerable<PlannedAction> Expiries => Actions.Where(a => a.Kind == PlannedActionKind.Expire);

    /// <summary>
    /// Whether apply refuses the plan: always when backups are stale, and when the expiry guards refuse unless
    /// <paramref name="force"/>.
    /// </summary>
    public bool IsRefused(bool force) => RefusalReasons(force).Count > 0;

    /// <summary>Every reason apply would refuse for (empty when it would not).</summary>
    public IReadOnlyList<string> RefusalReasons(bool force)
    {
        var reasons = new List<string>();
        if (Stale.Reason is { } stale)
        {
            reasons.Add(stale);
        }
        if (!force)
        {
            reasons.AddRange(Guard.Reasons.Select(r => r + " (--force overrides this guard)"));
        }
        return reasons;
    }
}
