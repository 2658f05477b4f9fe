using Backups.Storage;
using NodaTime;

namespace Backups.Operations.Retention;

/// <summary>One action of a <see cref="RetentionExecutionPlan"/>, with the reason shown to operators and written to the audit log.</summary>
/// <param name="Kind">What the action does.</param>
/// <param name="SnapshotId">The snapshot (for garbage: the directory under <c>snapshots/</c>).</param>
/// <param name="SnapshotTime">The snapshot's completion instant (for garbage: the start encoded in its id), when known.</param>
/// <param name="Reason">Why, e.g. <c>older than every tier's window</c>.</param>
public sealed record PlannedAction(PlannedActionKind Kind, string SnapshotId, Instant? SnapshotTime, string Reason)
{
    /// <summary>For <see cref="PlannedActionKind.DeleteGarbage"/>: the objects seen when planning.</summary>
    public IReadOnlyList<ObjectInfo> Objects { get; init; } = [];

    /// <summary>For <see cref="PlannedActionKind.MoveCold"/>: the target storage class.</summary>
    public string? StorageClass { get; init; }
}
