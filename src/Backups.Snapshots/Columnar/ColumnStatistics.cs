namespace Backups.Snapshots.Columnar;

/// <summary>A column chunk's statistics: nulls, and the smallest and largest values in their plain encoding when known.</summary>
internal sealed record ColumnStatistics(long NullCount, byte[]? Min, byte[]? Max);
