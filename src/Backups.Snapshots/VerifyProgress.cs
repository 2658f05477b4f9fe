namespace Backups.Snapshots;

/// <summary>Progress of a verification.</summary>
/// <param name="ObjectsDone">Objects checked so far.</param>
/// <param name="ObjectsTotal">Objects to check (known once the manifest is read; 2 before).</param>
/// <param name="BytesRead">Bytes read so far.</param>
/// <param name="CurrentKey">The object being read.</param>
public sealed record VerifyProgress(int ObjectsDone, int ObjectsTotal, long BytesRead, string? CurrentKey);
