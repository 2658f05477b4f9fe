using Backups.Domain.Schema;

namespace Backups.Sources.Targets;

/// <summary>
/// A target session that can also load column batches (a snapshot's row groups) without an object per row or
/// value: the bulk path of a restore. Same transaction, checks and outcome as <see cref="ITargetSession.LoadAsync(TableSchema, string?, IAsyncEnumerable{object?[]}, LoadMode, IProgress{long}?, CancellationToken)"/>.
/// </summary>
public interface IBatchTargetSession
{
    /// <summary>
    /// Creates the table as <see cref="ITargetSession.CreateTableAsync"/> does, but leaves its primary key and
    /// unique constraints to the first load of it, which adds them once its rows are in, inside the load's
    /// transaction: an index built once over all rows is far cheaper than one maintained row by row.
    /// </summary>
    Task CreateTableForLoadAsync(TableSchema table, string? targetSchema, CancellationToken ct);

    /// <summary>Whether <see cref="LoadBatchesAsync"/> can load this table (otherwise load its rows).</summary>
    bool CanLoadBatches(TableSchema table);

    Task<long> LoadBatchesAsync(
        TableSchema table,
        string? targetSchema,
        IAsyncEnumerable<IColumnarBatch> batches,
        LoadMode mode,
        IProgress<long>? rowsLoaded,
        CancellationToken ct);
}
