namespace Backups.Domain.Retention;

/// <summary>One retention tier: keep the newest snapshot of every <see cref="Period"/> bucket inside <see cref="Window"/>.</summary>
public sealed record Tier(Period Period, RetentionWindow Window)
{
    public override string ToString() => $"{Period.Name()}={Window}";
}
