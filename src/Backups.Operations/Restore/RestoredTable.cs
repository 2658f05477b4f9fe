namespace Backups.Operations.Restore;

/// <summary>A table that was restored and committed.</summary>
/// <param name="Source">The snapshot table's qualified name.</param>
/// <param name="Target">The target table's qualified name.</param>
/// <param name="Created">Whether the restore created it.</param>
/// <param name="Rows">Rows loaded, equal to the snapshot's row count.</param>
/// <param name="Bytes">Bytes of the table's snapshot files.</param>
/// <param name="Seconds">Download, verification and load time.</param>
public sealed record RestoredTable(string Source, string Target, bool Created, long Rows, long Bytes, double Seconds);
