namespace Backups.Operations.Diff;

/// <summary>
/// A diff of one table: the old side is a snapshot; the new side is either a live database
/// (<see cref="AgainstKind"/> and <see cref="AgainstConnection"/>) or a later snapshot (<see cref="NewSnapshot"/>).
/// </summary>
/// <param name="StoreUrl">The store holding the snapshot(s).</param>
/// <param name="Old">The old snapshot.</param>
/// <param name="Table">The table (<c>NAME</c> or <c>SCHEMA.NAME</c> as in the snapshot).</param>
public sealed record DiffRequest(string StoreUrl, Restore.SnapshotPointer Old, string Table)
{
    /// <summary>The new side as a second snapshot.</summary>
    public Restore.SnapshotPointer? NewSnapshot { get; init; }

    /// <summary>The new side as a live database: <c>postgres</c> or <c>sqlite</c>.</summary>
    public string? AgainstKind { get; init; }

    public string? AgainstConnection { get; init; }

    /// <summary>The live table's schema; the snapshot table's schema when null.</summary>
    public string? AgainstSchema { get; init; }

    /// <summary>Key columns rows are matched on; the snapshot table's primary key when null.</summary>
    public IReadOnlyList<string>? Key { get; init; }

    /// <summary>Columns whose differences are reported; every shared column when null.</summary>
    public IReadOnlyList<string>? Columns { get; init; }

    /// <summary>
    /// An SQL predicate: only rows matching it on either side are compared. Evaluated by PostgreSQL on a live
    /// PostgreSQL table (in the same transaction snapshot as the rows) and by DuckDB on snapshot files.
    /// </summary>
    public string? Where { get; init; }

    /// <summary>Where snapshot files are downloaded; the system temporary directory when null.</summary>
    public string? TempDirectory { get; init; }
}
