namespace Backups.Domain.Retention;

/// <summary>
/// Limits on how much one plan may expire. A plan over either limit is refused unless forced.
/// </summary>
/// <param name="MaxExpirePerRun">At most this many snapshots expire in one run (null: no fixed limit).</param>
/// <param name="MaxExpireFraction">At most this fraction of the complete snapshots expire in one run (0.5 by the contract).</param>
public sealed record ExpiryGuards(int? MaxExpirePerRun, double MaxExpireFraction = 0.5)
{
    public static ExpiryGuards Default { get; } = new(50);
}
