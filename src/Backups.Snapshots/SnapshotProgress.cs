namespace Backups.Snapshots;

/// <summary>Progress of a snapshot being written.</summary>
/// <param name="TablesDone">Tables completely written and stored.</param>
/// <param name="TablesTotal">Tables in the snapshot.</param>
/// <param name="Rows">Rows written so far over all tables (counted per row group).</param>
/// <param name="BytesWritten">Parquet bytes produced so far over all tables.</param>
/// <param name="CurrentTable">The qualified name of the table that made progress, or null at the end.</param>
public sealed record SnapshotProgress(int TablesDone, int TablesTotal, long Rows, long BytesWritten, string? CurrentTable);
