using Backups.Domain.Retention;
using NodaTime;

namespace Backups.Bench;

/// <summary>A reproducible snapshot history: one snapshot every <c>step</c> back from an anchor, with seeded jitter.</summary>
internal static class SyntheticHistory
{
    /// <summary>
    /// <paramref name="count"/> snapshots, oldest first, the newest exactly at <paramref name="anchor"/>; every other one
    /// is moved by up to ±<paramref name="jitter"/>. About 1% are incomplete and 1 in 5,000 is pinned.
    /// </summary>
    public static SnapshotRef[] Generate(int count, Instant anchor, Duration step, Duration jitter, int seed)
    {
        var random = new Random(seed);
        var snapshots = new SnapshotRef[count];
        var jitterTicks = jitter.BclCompatibleTicks;
        for (var i = 0; i < count; i++)
        {
            var back = count - 1 - i;
            var time = anchor - (step * back);
            if (back > 0)
            {
                time += Duration.FromTicks(random.NextInt64(-jitterTicks, jitterTicks + 1));
            }
            var state = back > 0 && random.Next(100) == 0 ? SnapshotState.Incomplete : SnapshotState.Complete;
            var pin = back > 0 && random.Next(5_000) == 0 ? "kept for an audit" : null;
            snapshots[i] = new SnapshotRef($"s{i:D8}", time, state, pin);
        }
        return snapshots;
    }
}
