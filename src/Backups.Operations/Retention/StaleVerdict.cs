using NodaTime;

namespace Backups.Operations.Retention;

/// <summary>
/// The stale-backups guard: whether the newest complete snapshot is older than the schedule's expected interval
/// times the stale factor. A stale policy expires nothing (an alert, never a reason to delete); <c>force</c> does not
/// override it.
/// </summary>
/// <param name="Stale">True when the guard refuses the plan.</param>
/// <param name="Newest">The newest complete snapshot at or before <c>now</c> (the planner's anchor), or null.</param>
/// <param name="Age"><c>now - Newest</c>, or null.</param>
/// <param name="ExpectedInterval">The longest gap between consecutive firings of the policy's schedule, or null when it has none.</param>
/// <param name="AllowedAge"><paramref name="ExpectedInterval"/> times the stale factor, or null.</param>
/// <param name="Reason">Why the guard refuses, or null when it does not.</param>
public sealed record StaleVerdict(bool Stale, Instant? Newest, Duration? Age, Duration? ExpectedInterval, Duration? AllowedAge, string? Reason);
