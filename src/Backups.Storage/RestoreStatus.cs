using NodaTime;

namespace Backups.Storage;

/// <summary>The archive state of one object.</summary>
public sealed record RestoreStatus(string Key, string StorageClass, RestoreState State, Instant? RestoredUntil = null)
{
    /// <summary>True when the object can be read now.</summary>
    public bool IsReadable => State is RestoreState.NotArchived or RestoreState.Restored;
}
