using Backups.Snapshots;
using NodaTime;

namespace Backups.Operations.Restore;

/// <summary>The snapshot a <see cref="SnapshotPointer"/> resolved to, and what was skipped on the way.</summary>
/// <param name="Manifest">The chosen snapshot's manifest.</param>
/// <param name="Pointer">What the operator asked for.</param>
/// <param name="Warnings">Snapshots that could not be considered (an unreadable manifest), one sentence each.</param>
public sealed record ResolvedSnapshot(Manifest Manifest, SnapshotPointer Pointer, IReadOnlyList<string> Warnings)
{
    /// <summary>
    /// How far before the requested instant the snapshot started (null for an exact id): the age of the data
    /// relative to the point in time asked for.
    /// </summary>
    public Duration? BeforeRequested => Pointer.At is { } at ? at - Manifest.StartedAt : null;
}
