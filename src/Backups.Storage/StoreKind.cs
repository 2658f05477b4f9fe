namespace Backups.Storage;

public enum StoreKind
{
    /// <summary>A local directory.</summary>
    Directory,

    /// <summary>An S3 bucket (AWS or an S3-compatible server), optionally below a key prefix.</summary>
    S3,
}
