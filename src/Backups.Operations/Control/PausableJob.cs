namespace Backups.Operations.Control;

/// <summary>The kinds of scheduled work an operator can pause for one policy.</summary>
public enum PausableJob
{
    /// <summary>Taking snapshots on the policy's schedule.</summary>
    Snapshot,

    /// <summary>Applying retention (expiring snapshots).</summary>
    Retention,

    /// <summary>Re-reading snapshots to verify them.</summary>
    Verify,
}
