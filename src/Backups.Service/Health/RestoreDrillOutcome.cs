using NodaTime;

namespace Backups.Service.Health;

/// <summary>How a restore drill (the newest snapshot restored into the policy's spare, row counts checked) ended.</summary>
/// <param name="At">When it ended.</param>
/// <param name="SnapshotId">The snapshot restored, when one was chosen.</param>
/// <param name="Succeeded">Whether every table was restored with the manifest's row count.</param>
/// <param name="Tables">Tables restored.</param>
/// <param name="Rows">Rows restored.</param>
/// <param name="Error">Why it failed.</param>
internal sealed record RestoreDrillOutcome(Instant At, string? SnapshotId, bool Succeeded, int Tables, long Rows, string? Error);
