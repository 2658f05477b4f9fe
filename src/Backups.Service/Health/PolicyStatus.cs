using Backups.Operations.Control;
using NodaTime;

namespace Backups.Service.Health;

/// <summary>What this node knows of one policy, for /health.</summary>
/// <param name="LastSnapshotSuccess">When a snapshot job last succeeded on this node.</param>
/// <param name="LastSnapshotFailure">When a snapshot job last failed on this node.</param>
/// <param name="LastFailure">Why it failed.</param>
/// <param name="Newest">The newest complete snapshot known (from this node's jobs, the catalog, or the store).</param>
internal sealed record PolicyStatus(Instant? LastSnapshotSuccess, Instant? LastSnapshotFailure, string? LastFailure, NewestSnapshot? Newest)
{
    /// <summary>A retention edit held for review, as this node last saw it.</summary>
    public HeldTerms? HeldForReview { get; init; }

    /// <summary>The last restore drill into the policy's spare on this node.</summary>
    public RestoreDrillOutcome? LastDrill { get; init; }

    public Instant? LastDrillSuccess { get; init; }

    public Instant? LastDrillFailure { get; init; }

    public static PolicyStatus Empty { get; } = new(null, null, null, null);
}
