using Backups.Operations.Restore;

namespace Backups.Operations.Query;

/// <summary>A read-only SQL query over one snapshot's files.</summary>
/// <param name="StoreUrl">The store.</param>
/// <param name="Snapshot">Which snapshot.</param>
/// <param name="Sql">One DuckDB statement; each snapshot table is a view named like the table (and <c>schema.table</c>).</param>
public sealed record QueryRequest(string StoreUrl, SnapshotPointer Snapshot, string Sql)
{
    /// <summary>Where table files are downloaded; the system temporary directory when null.</summary>
    public string? TempDirectory { get; init; }
}
