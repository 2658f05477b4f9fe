using NodaTime;

namespace Backups.Operations.Control;

/// <summary>
/// What a reader of the audit log keeps of an entry in memory: enough to pair intents with outcomes, without the
/// before-state or the object list (a manifest can be large; the entry is read again by <see cref="Key"/> when needed).
/// </summary>
/// <param name="Key">The entry's object key under <c>audit/</c>.</param>
/// <param name="Policy">For an <c>expire</c> intent: the policy named by the manifest in its before-state.</param>
internal sealed record AuditRecord(string Key, Instant At, string Phase, string Action, string? SnapshotId, string? Policy, string? Detail);
