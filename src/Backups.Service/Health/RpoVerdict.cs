using NodaTime;

namespace Backups.Service.Health;

/// <summary>The RPO check of one policy at one instant.</summary>
/// <param name="Status">The outcome.</param>
/// <param name="Age">How old the newest snapshot is; null when there is none.</param>
/// <param name="Allowed">The allowed age (schedule interval × stale factor); null when unchecked.</param>
internal sealed record RpoVerdict(RpoStatus Status, Duration? Age, Duration? Allowed)
{
    public bool IsHealthy => Status != RpoStatus.Stale;

    /// <summary>
    /// Judges a policy: stale once the newest snapshot is older than <paramref name="allowed"/>; without any
    /// snapshot the age counts from <paramref name="startedAt"/>, the service's start, so a new service is pending
    /// rather than failing until its first snapshots were due.
    /// </summary>
    public static RpoVerdict Evaluate(NewestSnapshot? newest, Duration? allowed, Instant startedAt, Instant now)
    {
        var age = newest is null ? (Duration?)null : now - newest.Completed;
        if (allowed is not { } limit)
        {
            return new RpoVerdict(RpoStatus.Unchecked, age, null);
        }
        if (age is { } known)
        {
            return new RpoVerdict(known > limit ? RpoStatus.Stale : RpoStatus.Ok, known, limit);
        }
        return new RpoVerdict(now - startedAt > limit ? RpoStatus.Stale : RpoStatus.Pending, null, limit);
    }
}
