using Backups.Domain.Schema;
using Backups.Storage;

namespace Backups.Snapshots;

/// <summary>Everything <see cref="SnapshotWriter"/> needs to write one snapshot.</summary>
public sealed record SnapshotWriteRequest
{
    /// <summary>256 MiB: the default Parquet size at which a table's part is closed and the next one started.</summary>
    public const long DefaultPartSizeBytes = 256L * 1024 * 1024;

    /// <summary>The default maximum rows per Parquet row group.</summary>
    public const int DefaultRowGroupRows = 100_000;

    /// <summary>
    /// 32 MiB: the default budget of buffered values per row group. A table being written holds two row groups (one
    /// filling while the other is encoded).
    /// </summary>
    public const long DefaultRowGroupBytes = 32L * 1024 * 1024;

    /// <summary>
    /// Where the snapshot goes. When the store can also delete (<see cref="IObjectDeleter"/>), a failed write
    /// deletes what it had uploaded; otherwise the leftovers wait for garbage collection.
    /// </summary>
    public required IObjectWriter Store { get; init; }

    /// <summary>The new snapshot's id (<see cref="Snapshots.SnapshotId.New(NodaTime.IClock, Random)"/>).</summary>
    public required string SnapshotId { get; init; }

    public required string PolicyName { get; init; }

    public required SourceIdentity Source { get; init; }

    /// <summary>The source's description of the consistent point it read at (exported snapshot id, SCN, LSN...).</summary>
    public IReadOnlyDictionary<string, string> ConsistencyPoint { get; init; } = new Dictionary<string, string>();

    /// <summary>The tables to write, in the order the manifest lists them. Qualified names must be unique.</summary>
    public required IReadOnlyList<TableSchema> Tables { get; init; }

    /// <summary>
    /// Reads a table's rows: one array per row with one value per column, each exactly of the column kind's canonical
    /// CLR type or null. The writer copies values out of the array before asking for the next row. Called once
    /// per table, concurrently for up to <see cref="Parallelism"/> tables.
    /// </summary>
    public required Func<TableSchema, CancellationToken, IAsyncEnumerable<object?[]>> ReadRows { get; init; }

    /// <summary>
    /// When set, reads a table (or one slice of it) in batches instead (<see cref="ITableReader"/>: no object per row
    /// or value), and <see cref="ReadRows"/> is not used. Called once per table or slice, concurrently for up to
    /// <see cref="Parallelism"/> of them.
    /// </summary>
    public Func<TableSchema, TableSlice?, ITableReader>? OpenReader { get; init; }

    /// <summary>
    /// With <see cref="OpenReader"/>: splits a large table into at most the given number of slices, read in
    /// parallel into parts of their own (an empty list: the table is read whole). Asked once per table when
    /// <see cref="Parallelism"/> is above 1.
    /// </summary>
    public Func<TableSchema, int, CancellationToken, Task<IReadOnlyList<TableSlice>>>? SliceTable { get; init; }

    /// <summary>The source's estimate of a table's rows: the largest tables are started first.</summary>
    public Func<TableSchema, long?>? EstimateRows { get; init; }

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Tables written concurrently (each holds up to two row groups in memory). At least 1.</summary>
    public int Parallelism { get; init; } = 1;

    /// <summary>A part is closed once its Parquet file reaches this size (checked after each row group).</summary>
    public long PartSizeBytes { get; init; } = DefaultPartSizeBytes;

    /// <summary>A row group is written once it has this many rows...</summary>
    public int RowGroupRows { get; init; } = DefaultRowGroupRows;

    /// <summary>...or once its buffered values take about this many bytes of memory, whichever comes first.</summary>
    public long RowGroupBytes { get; init; } = DefaultRowGroupBytes;

    /// <summary>Directory for the parts' temporary files; the system temporary directory when null.</summary>
    public string? TempDirectory { get; init; }

    /// <summary>Recorded as the manifest's tool version; this library's informational version when null.</summary>
    public string? ToolVersion { get; init; }
}
