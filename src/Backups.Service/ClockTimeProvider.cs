using NodaTime;

namespace Backups.Service;

/// <summary>A <see cref="TimeProvider"/> whose "now" is a NodaTime clock; timers are the system's.</summary>
public sealed class ClockTimeProvider(IClock clock) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => clock.GetCurrentInstant().ToDateTimeOffset();
}
