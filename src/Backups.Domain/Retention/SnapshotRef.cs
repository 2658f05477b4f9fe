using NodaTime;

namespace Backups.Domain.Retention;

/// <summary>What the planner knows of a snapshot: id, completion instant, state and an optional pin.</summary>
public sealed record SnapshotRef(string Id, Instant Time, SnapshotState State = SnapshotState.Complete, string? PinReason = null)
{
    public bool IsPinned => PinReason is not null;
}
