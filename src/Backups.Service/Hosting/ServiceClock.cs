using NodaTime;

namespace Backups.Service.Hosting;

/// <summary>
/// The clock and timers of everything the service does itself, as a <see cref="TimeProvider"/> and as a NodaTime
/// clock for the use cases that take one. Registered under its own type: Quartz puts a <see cref="TimeProvider"/>
/// of its own in the container.
/// </summary>
internal sealed class ServiceClock(TimeProvider provider) : IClock
{
    public TimeProvider Provider { get; } = provider;

    public Instant GetCurrentInstant() => Instant.FromDateTimeOffset(Provider.GetUtcNow());
}
