using NodaTime;

namespace Backups.Operations.Garbage;

/// <summary>
/// A temporary file or directory of this program in the local temporary directory (<c>$BACKUPS_TEMP</c>): a snapshot's
/// part files, a restore's or query's verified parts, a download being checked; left behind by a process that died.
/// </summary>
/// <param name="Path">Its full path.</param>
/// <param name="Files">Files in it (1 for a file).</param>
/// <param name="Bytes">Their total size.</param>
/// <param name="LastWritten">The newest modification time of it or anything in it.</param>
/// <param name="SnapshotId">The snapshot a writer's directory belongs to, when its name says.</param>
/// <param name="Eligible">Old enough to delete.</param>
/// <param name="Reason">Why it is or is not deleted.</param>
public sealed record LocalTemporaryGarbage(string Path, int Files, long Bytes, Instant LastWritten, string? SnapshotId, bool Eligible, string Reason);
