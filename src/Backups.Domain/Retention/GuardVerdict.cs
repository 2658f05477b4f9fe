namespace Backups.Domain.Retention;

/// <summary>Whether the expiry guards refuse a plan, and why (one message per guard that trips).</summary>
public sealed record GuardVerdict(bool Refused, IReadOnlyList<string> Reasons)
{
    public static GuardVerdict Allowed { get; } = new(false, []);
}
