namespace Backups.Operations.Diff;

/// <summary>How a row differs between the old side (a snapshot) and the new side (live, or a later snapshot).</summary>
public enum DiffKind
{
    /// <summary>The key is on both sides and some compared column differs.</summary>
    Changed,

    /// <summary>The key is only on the new side: the row was added since the old side.</summary>
    Added,

    /// <summary>The key is only on the old side: the row was removed since.</summary>
    Removed,
}
