using NodaTime;

namespace Backups.Catalog;

/// <summary>
/// One line of the append-only audit log. Every mutation of a store is recorded with phase
/// <c>intent</c> BEFORE it happens (with the full before-state, enough to undo or finish it) and
/// with <c>done</c> or <c>failed</c> after.
/// </summary>
/// <param name="At">When the entry was written.</param>
/// <param name="Phase"><c>intent</c>, <c>done</c> or <c>failed</c>.</param>
/// <param name="Action">What is done, e.g. <c>gc-delete</c>, <c>expire</c>, <c>move-cold</c>.</param>
/// <param name="StoreUrl">The store acted on.</param>
/// <param name="SnapshotId">The snapshot concerned, when there is one.</param>
/// <param name="Objects">The object keys (with sizes) that the action touches.</param>
/// <param name="Before">The full description of what exists before the action (e.g. the manifest), as JSON text.</param>
/// <param name="Detail">Free text: why (the plan's reason), or the error on failure.</param>
public sealed record AuditEntry(
    Instant At,
    string Phase,
    string Action,
    string StoreUrl,
    string? SnapshotId,
    IReadOnlyList<AuditObject> Objects,
    string? Before,
    string? Detail);
