namespace Backups.Service.Scheduling;

/// <summary>The scheduler's clock (the service's, except in tests that move the service's clock by hand).</summary>
internal sealed record SchedulerClock(TimeProvider Provider);
