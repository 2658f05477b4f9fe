namespace Backups.Domain.Retention;

/// <summary>The reason names a <see cref="SnapshotDecision"/> carries (docs/retention.md).</summary>
public static class RetentionReasons
{
    /// <summary>The snapshot is pinned; the pin's own text stays on <see cref="SnapshotRef.PinReason"/>.</summary>
    public const string Pinned = "pinned";

    /// <summary>The anchor, kept by the safety rule when nothing else keeps it (e.g. a policy without tiers).</summary>
    public const string Newest = "newest";

    /// <summary>The snapshot is dated after <c>now</c>: it takes no part in the tiers and is always kept.</summary>
    public const string Future = "future";

    private static readonly string[] TierNames = [.. Enum.GetValues<Period>().Select(p => p.Name())];
    private static readonly string[] OldestNames = [.. Enum.GetValues<Period>().Select(p => "oldest-" + p.Name())];

    /// <summary>The reason of a tier that keeps the newest snapshot of a bucket, e.g. <c>daily</c>.</summary>
    public static string Tier(Period period) => TierNames[Index(period)];

    /// <summary>The reason of a tier that keeps the oldest snapshot of the history, e.g. <c>oldest-daily</c>.</summary>
    public static string Oldest(Period period) => OldestNames[Index(period)];

    private static int Index(Period period) =>
        (uint)period < (uint)TierNames.Length
            ? (int)period
            : throw new ArgumentOutOfRangeException(nameof(period), period, null);
}
