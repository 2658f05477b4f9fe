using Backups.Catalog;
using Backups.Operations.Control;

namespace Backups.Operations.Retention;

/// <summary>An expiry an earlier run began (its <c>intent</c> is in the audit log) and did not finish.</summary>
/// <param name="Intent">The intent entry: the snapshot, its manifest as before-state and every object it had.</param>
/// <param name="Failure">The <c>failed</c> entry that followed, when the run recorded its failure (null after a crash).</param>
internal sealed record PendingExpiry(AuditEntry Intent, AuditRecord? Failure);
