namespace Backups.Domain.Policies;

/// <summary>
/// The S3 archive storage class older snapshots move to. <see cref="Auto"/> lets the cost model choose
/// per snapshot from how long it still has to live.
/// </summary>
public enum ColdClass
{
    Auto,
    GlacierIr,
    Glacier,
    DeepArchive,
}
