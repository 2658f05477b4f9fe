using NodaTime;

namespace Backups.Operations.Retention;

/// <summary>Settings of <see cref="RetentionExecutor"/> that do not belong to any one policy.</summary>
public sealed record RetentionOptions
{
    /// <summary>The default <see cref="StaleFactor"/>.</summary>
    public const double DefaultStaleFactor = 3;

    /// <summary>
    /// Nothing expires once the newest snapshot is older than the schedule's interval times this factor
    /// (hourly schedule, factor 3: three hours). Must be positive.
    /// </summary>
    public double StaleFactor { get; init; } = DefaultStaleFactor;

    /// <summary>
    /// How far back apply looks in the audit log for expiries that were begun but not finished (a crash between
    /// <c>intent</c> and <c>done</c>). Older unfinished expiries are left: their snapshot is either still complete (and
    /// planned again) or already invisible (garbage for gc).
    /// </summary>
    public Duration ResumeLookback { get; init; } = Duration.FromDays(7);

    /// <summary>
    /// When set, plans also delete incomplete snapshots whose id says they started longer ago than this
    /// (<see cref="PlannedActionKind.DeleteGarbage"/>); when null (the default), garbage is left to <c>backups gc</c>.
    /// </summary>
    public Duration? GarbageGrace { get; init; }
}
