namespace Backups.Storage;

/// <summary>S3 storage class names used by the retention tiers.</summary>
public static class StorageClasses
{
    public const string Standard = "STANDARD";
    public const string StandardInfrequentAccess = "STANDARD_IA";
    public const string GlacierInstantRetrieval = "GLACIER_IR";
    public const string Glacier = "GLACIER";
    public const string DeepArchive = "DEEP_ARCHIVE";

    /// <summary>Classes whose objects must be restored before they can be read.</summary>
    public static bool NeedsRestore(string storageClass) =>
        storageClass is Glacier or DeepArchive;
}
