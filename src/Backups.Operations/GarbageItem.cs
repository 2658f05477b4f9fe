using Backups.Snapshots;
using NodaTime;

namespace Backups.Operations;

/// <summary>An incomplete snapshot found in a store, and whether garbage collection may delete it yet.</summary>
/// <param name="Snapshot">The objects of the snapshot directory that has no manifest.</param>
/// <param name="StartedAt">When the write began (from the id), or null when the directory name is not a snapshot id.</param>
/// <param name="Eligible">True once the grace period has passed since <paramref name="StartedAt"/>.</param>
/// <param name="Reason">Why it is or is not deleted, for the operator.</param>
public sealed record GarbageItem(IncompleteSnapshot Snapshot, Instant? StartedAt, bool Eligible, string Reason);
