namespace Backups.Operations.Garbage;

/// <summary>What <c>gc --apply</c> removed, by kind.</summary>
public sealed record GarbageResult(int Snapshots, int Uploads, int StoreTemporaryFiles, int LocalTemporary);
