namespace Backups.Operations.Retention;

/// <summary>What one action of a retention plan does to the store.</summary>
public enum PlannedActionKind
{
    /// <summary>Delete a complete snapshot that no tier keeps: its manifest first (it vanishes at once), then its parts.</summary>
    Expire,

    /// <summary>Move a snapshot's objects to an archive storage class. Not implemented yet: applying it throws.</summary>
    MoveCold,

    /// <summary>Delete the objects of an incomplete snapshot (no manifest) older than the garbage grace period.</summary>
    DeleteGarbage,
}
