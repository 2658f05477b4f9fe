namespace Backups.Operations.Restore;

/// <summary>Progress of a restore.</summary>
/// <param name="TablesDone">Tables loaded and committed.</param>
/// <param name="TablesTotal">Tables to restore.</param>
/// <param name="RowsDone">Rows loaded so far over all tables (committed or in flight).</param>
/// <param name="RowsTotal">Rows in the tables to restore.</param>
/// <param name="BytesDone">Snapshot bytes processed: table files downloaded and verified, weighted by rows loaded.</param>
/// <param name="BytesTotal">Bytes of the tables' files, counted once for download and once for load.</param>
/// <param name="CurrentTable">The table that made progress.</param>
public sealed record RestoreProgress(int TablesDone, int TablesTotal, long RowsDone, long RowsTotal, long BytesDone, long BytesTotal, string? CurrentTable);
