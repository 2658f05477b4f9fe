namespace Backups.Storage;

public enum RestoreState
{
    /// <summary>The object is in a storage class that is read directly (STANDARD, GLACIER_IR, ...).</summary>
    NotArchived,

    /// <summary>Archived, with no readable copy and no restore under way.</summary>
    Archived,

    /// <summary>A restore was requested and has not finished yet.</summary>
    InProgress,

    /// <summary>A temporary readable copy exists until <see cref="RestoreStatus.RestoredUntil"/>.</summary>
    Restored,
}
