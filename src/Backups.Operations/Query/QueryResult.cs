using Backups.Operations.Restore;

namespace Backups.Operations.Query;

/// <summary>A finished query.</summary>
/// <param name="Snapshot">The snapshot queried.</param>
/// <param name="Tables">The tables whose files were downloaded and verified (qualified names).</param>
/// <param name="Bytes">Bytes downloaded.</param>
/// <param name="Rows">Rows in the result.</param>
public sealed record QueryResult(ResolvedSnapshot Snapshot, IReadOnlyList<string> Tables, long Bytes, long Rows);
