using Backups.Domain.Policies;
using Backups.Operations;
using NodaTime;

namespace Backups.Service.Scheduling;

/// <summary>A loaded policy with what the service derives from it to schedule and watch it.</summary>
/// <param name="Policy">The policy, with its <c>${VAR}</c> references resolved.</param>
/// <param name="File">The policy file, for messages.</param>
/// <param name="TimeZone">The policy's zone, in which Quartz evaluates all of its cron expressions.</param>
/// <param name="Interval">The longest gap between snapshot firings, or null when the schedule has none.</param>
/// <param name="AllowedAge">How old the newest snapshot may get before the policy is stale (interval × stale factor), or null.</param>
internal sealed record ScheduledPolicy(Policy Policy, string File, TimeZoneInfo TimeZone, Duration? Interval, Duration? AllowedAge)
{
    public string Name => Policy.Name;

    /// <summary>The store URL as the catalog records it.</summary>
    public string CanonicalStoreUrl { get; } = StoreOpener.Canonical(Policy.StoreUrl);
}
