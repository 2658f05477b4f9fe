namespace Backups.Operations.Control;

/// <summary>The action names and phases written to the audit log (<see cref="Backups.Catalog.AuditEntry"/>).</summary>
public static class AuditActions
{
    /// <summary>A snapshot expired by retention: manifest first, then every other object.</summary>
    public const string Expire = "expire";

    /// <summary>The objects of an incomplete snapshot deleted as garbage (also what <c>backups gc</c> writes).</summary>
    public const string GarbageDelete = "gc-delete";

    /// <summary>A multipart upload left open (by a killed process) aborted by <c>backups gc</c>.</summary>
    public const string GarbageAbortUpload = "gc-abort-upload";

    /// <summary>One of the directory store's own temporary files (<c>.tmp/</c>) deleted by <c>backups gc</c>.</summary>
    public const string GarbageDeleteStoreTemporary = "gc-delete-store-temp";

    /// <summary>This program's leftover in the local temporary directory (<c>$BACKUPS_TEMP</c>) deleted by <c>backups gc</c>.</summary>
    public const string GarbageDeleteLocalTemporary = "gc-delete-local-temp";

    /// <summary>A snapshot moved to an archive storage class.</summary>
    public const string MoveCold = "move-cold";

    public const string Pin = "pin";

    public const string Unpin = "unpin";

    public const string Pause = "pause";

    public const string Resume = "resume";

    /// <summary>A policy edit that would newly expire snapshots held for review (its retention does not apply yet).</summary>
    public const string Review = "review";

    /// <summary>A policy's retention terms put in force (accepted by someone, after the review delay, or because nothing newly expires).</summary>
    public const string Accept = "accept";

    /// <summary>Written before an action, with the full before-state.</summary>
    public const string Intent = "intent";

    /// <summary>Written after an action succeeded.</summary>
    public const string Done = "done";

    /// <summary>Written after an action failed (the detail holds the error).</summary>
    public const string Failed = "failed";
}
