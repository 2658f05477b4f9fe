namespace Backups.Snapshots;

/// <summary>The outcome of verifying one snapshot: every problem found (none when it is intact).</summary>
/// <param name="SnapshotId">The snapshot verified.</param>
/// <param name="Problems">Every problem, in the order found.</param>
/// <param name="ObjectsChecked">Objects read (manifest, checksum file, parts).</param>
/// <param name="BytesChecked">Bytes read and hashed.</param>
public sealed record VerifyReport(string SnapshotId, IReadOnlyList<VerifyProblem> Problems, int ObjectsChecked, long BytesChecked)
{
    public bool IsIntact => Problems.Count == 0;
}
