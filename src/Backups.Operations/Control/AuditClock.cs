using System.Globalization;
using Backups.Catalog;
using Backups.Storage;
using NodaTime;

namespace Backups.Operations.Control;

/// <summary>
/// Times for audit entries that never go backwards nor repeat: each is the clock's time, or one tick (100 ns, the
/// resolution of audit keys) after the previous entry when the clock has not moved on that far. The store's audit log
/// is ordered by these times, so an action's <c>intent</c> always lists before its <c>done</c>, even under a coarse or
/// frozen clock.
/// </summary>
internal sealed class AuditClock(IClock clock)
{
    private readonly Lock _gate = new();
    private static readonly Duration Tick = Duration.FromTicks(1);
    private Instant _last = Instant.MinValue;

    /// <summary>Makes every later time come after <paramref name="seen"/> (an entry already in the log).</summary>
    public void Observe(Instant seen)
    {
        lock (_gate)
        {
            if (seen > _last)
            {
                _last = seen;
            }
        }
    }

    /// <summary>
    /// Makes every later time come after the entries the store's audit log already holds for the current hour, so
    /// that entries written by another writer (another process, the same second, a frozen clock) keep their order.
    /// Lists only that hour's keys.
    /// </summary>
    public async Task CatchUpAsync(IObjectLister store, CancellationToken cancellationToken)
    {
        var hour = clock.GetCurrentInstant().InUtc().LocalDateTime.ToString("uuuuMMdd'T'HH", CultureInfo.InvariantCulture);
        await foreach (var info in store.ListAsync(StoreAuditLog.Prefix + hour, cancellationToken).ConfigureAwait(false))
        {
            if (AuditWindowStore.KeyTime(info.Key) is { } time)
            {
                Observe(time);
            }
        }
    }

    public Instant Next()
    {
        lock (_gate)
        {
            var now = clock.GetCurrentInstant();
            _last = _last == Instant.MinValue || now >= _last + Tick ? now : _last + Tick;
            return _last;
        }
    }
}
