namespace Backups.Storage;

/// <summary>Retrieval speed (and price) of a restore from an archive storage class.</summary>
public enum RestoreTier
{
    Standard,
    Bulk,
    Expedited,
}
