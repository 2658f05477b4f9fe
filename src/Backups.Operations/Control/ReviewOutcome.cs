namespace Backups.Operations.Control;

/// <summary>What <see cref="RetentionReviews.ReviewAsync"/> decided.</summary>
public enum ReviewOutcome
{
    /// <summary>The policy's terms are the terms in force: retention applies them.</summary>
    InForce,

    /// <summary>No terms were recorded yet; these were recorded as in force, and retention applies them.</summary>
    Recorded,

    /// <summary>The terms changed but expire nothing the terms in force keep: they took effect at once.</summary>
    AcceptedNothingNewlyExpires,

    /// <summary>The terms changed and would newly expire snapshots: held for review now; retention must not apply them.</summary>
    Held,

    /// <summary>The edit is still held for review; retention must not apply it.</summary>
    StillHeld,

    /// <summary>The review delay of a held edit passed: it took effect.</summary>
    AcceptedAfterDelay,
}
