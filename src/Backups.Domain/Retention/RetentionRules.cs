using NodaTime;

namespace Backups.Domain.Retention;

/// <summary>The retention part of a policy: tiers, the bucket time zone and the expiry guards.</summary>
public sealed record RetentionRules(IReadOnlyList<Tier> Tiers, DateTimeZone Zone, ExpiryGuards Guards)
{
    /// <summary>The post-mortem's tiers: hourly 3d, daily 14d, weekly 60d, monthly 180d, in UTC.</summary>
    public static RetentionRules Default { get; } = new(
        [
            new Tier(Period.Hourly, new RetentionWindow(0, 0, 0, 3, 0)),
            new Tier(Period.Daily, new RetentionWindow(0, 0, 0, 14, 0)),
            new Tier(Period.Weekly, new RetentionWindow(0, 0, 0, 60, 0)),
            new Tier(Period.Monthly, new RetentionWindow(0, 0, 0, 180, 0)),
        ],
        DateTimeZone.Utc,
        ExpiryGuards.Default);
}
