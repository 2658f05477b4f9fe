using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Backups.Snapshots;
using Backups.Sources;
using Backups.Sources.Targets;

namespace Backups.Operations.Restore;

/// <summary>
/// One execution of a <see cref="RestorePlan"/>: workers take tables largest first; each worker has its own target
/// session. Per table: download and verify every part, create the table when missing, load it in one transaction,
/// and compare the count with the manifest before the commit and (the target's own count, on the same session) after it.
/// </summary>
internal sealed class RestoreRun(RestorePlan plan, IRestoreObserver? observer)
{
    private readonly ConcurrentQueue<RestoreTablePlan> _queue = new(plan.Tables.OrderByDescending(t => t.Bytes).ThenBy(t => t.Target, StringComparer.Ordinal));
    private readonly ConcurrentQueue<RestoredTable> _restored = new();
    private readonly RestoreTracker _tracker = new(observer, plan.Tables.Count, plan.Rows, plan.Bytes);
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _createGate = new(1, 1);
    private readonly ConcurrentDictionary<string, bool> _createdEmpty = new(StringComparer.Ordinal);
    private readonly TargetRowCounts _counts = new();
    private (RestoreTablePlan Table, Exception Error)? _failure;

    public async Task<RestoreResult> RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var workers = TargetFactory.NormalizeKind(plan.Request.TargetKind) == "sqlite" ? 1 : Math.Min(plan.Request.Parallelism, Math.Max(1, plan.Tables.Count));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var tasks = Enumerable.Range(0, workers).Select(i => WorkAsync(i == 0 ? plan.Session : null, stop)).ToList();
        await Task.WhenAll(tasks);
        if (cancellationToken.IsCancellationRequested)
        {
            var restored = _restored.Select(r => r.Target).Order(StringComparer.Ordinal).ToList();
            throw new OperationCanceledException(
                "interrupted: the tables being loaded were rolled back"
                + (restored.Count > 0 ? $"; restored and committed before: {string.Join(", ", restored)}" : "; no table was restored")
                + (_createdEmpty.IsEmpty ? "" : $"; created and left empty: {string.Join(", ", _createdEmpty.Keys.Order(StringComparer.Ordinal))}"),
                cancellationToken);
        }

        if (_failure is { } failure)
        {
            throw Failed(failure.Table, failure.Error);
        }

        var loaded = clock.Elapsed.TotalSeconds;
        bool counted;
        try
        {
            counted = _counts.Check(plan.Tables);
        }
        catch (RowCountMismatchException e)
        {
            throw new RestoreFailedException(
                $"every table was loaded and committed, but the target's own count disagrees: {e.Message}", e.Table ?? "", [.. _restored], [], e);
        }

        return new RestoreResult(plan.Snapshot, plan.Target, [.. _restored], loaded) { CountedAfter = counted };
    }

    private async Task WorkAsync(ITargetSession? shared, CancellationTokenSource stop)
    {
        ITargetSession? own = null;
        try
        {
            while (!stop.IsCancellationRequested && _queue.TryDequeue(out var table))
            {
                if (shared is null && own is null)
                {
                    own = await TryOpenExtraSessionAsync(stop.Token);
                    if (own is null)
                    {
                        // The target takes no more connections: the table goes back to the queue for the other workers.
                        _queue.Enqueue(table);
                        return;
                    }
                }

                try
                {
                    var session = shared ?? own!;
                    _restored.Enqueue(await RestoreTableAsync(session, table, stop.Token));
                    _tracker.TableDone(table.Table.QualifiedName);
                    // After the table is listed as committed: an interruption while counting does not unlist it.
                    await _counts.TakeAsync(session, table, stop.Token);
                }
                catch (Exception e) when (!(e is OperationCanceledException && stop.IsCancellationRequested))
                {
                    lock (_gate)
                    {
                        _failure ??= (table, e);
                    }

                    await stop.CancelAsync();
                    return;
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    private async Task<ITargetSession?> TryOpenExtraSessionAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await Restorer.OpenTargetAsync(plan.Request, plan.Snapshot.Manifest.Source.Kind, cancellationToken);
        }
        catch (Exception e) when (e is Sources.SourceUnavailableException or OperationInputException or OperationCanceledException)
        {
            return null;
        }
    }

    private async Task<RestoredTable> RestoreTableAsync(ITargetSession session, RestoreTablePlan table, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var manifest = plan.Snapshot.Manifest;
        using var parts = new VerifiedParts(plan.Request.TempDirectory);
        // Every part is checked before the table is touched: a corrupt object stops the restore of this table before any change.
        await parts.AddAsync(plan.Store.Store, table.Table, null, cancellationToken);

        if (table.Create is { } create)
        {
            // One CREATE at a time: concurrent sessions creating the same missing schema would collide.
            await _createGate.WaitAsync(cancellationToken);
            try
            {
                observer?.Mutating(create);
                if (session is IBatchTargetSession bulkCreate)
                {
                    await bulkCreate.CreateTableForLoadAsync(table.Schema, plan.Request.Schema, cancellationToken);
                }
                else
                {
                    await session.CreateTableAsync(table.Schema, plan.Request.Schema, cancellationToken);
                }
                _createdEmpty[table.Target] = true;
            }
            finally
            {
                _createGate.Release();
            }
        }

        observer?.Mutating(table.Load);
        var mode = table.Load.Kind == RestoreActionKind.TruncateAndLoad ? LoadMode.Replace : LoadMode.Append;
        var progress = _tracker.ForTable(table.Table.QualifiedName, table.Table.RowCount, table.Bytes);
        long loaded;
        if (session is IBatchTargetSession bulk && bulk.CanLoadBatches(table.Schema) && LocalPartBatches.CanRead(table.Table, parts.PathOf))
        {
            // The bulk path: row groups decoded column by column straight into the target's bulk format.
            var batches = RowCountGuard.CheckAsync(LocalPartBatches.ReadAsync(table.Table, parts.PathOf, cancellationToken), table.Table, cancellationToken);
            loaded = await bulk.LoadBatchesAsync(table.Schema, plan.Request.Schema, batches, mode, progress, cancellationToken);
        }
        else
        {
            var rows = RowCountGuard.CheckAsync(
                new SnapshotReader(parts.Root).ReadRowsAsync(parts, manifest, table.Table, verifyChecksums: false, cancellationToken),
                table.Table,
                cancellationToken);
            loaded = await session.LoadAsync(table.Schema, plan.Request.Schema, rows, mode, progress, cancellationToken);
        }

        if (loaded != table.Table.RowCount)
        {
            throw new RowCountMismatchException(
                $"table {table.Target}: the target took {loaded.ToString(CultureInfo.InvariantCulture)} rows, the snapshot holds {table.Table.RowCount.ToString(CultureInfo.InvariantCulture)}");
        }

        _createdEmpty.TryRemove(table.Target, out _);

        return new RestoredTable(table.Table.QualifiedName, table.Target, table.Create is not null, loaded, table.Bytes, clock.Elapsed.TotalSeconds);
    }

    private RestoreFailedException Failed(RestoreTablePlan table, Exception error)
    {
        var restored = _restored.ToList();
        var done = restored.Select(r => r.Source).ToHashSet(StringComparer.Ordinal);
        var notRestored = new[] { table.Table.QualifiedName }
            .Concat(plan.Tables.Select(t => t.Table.QualifiedName).Where(n => !done.Contains(n) && n != table.Table.QualifiedName))
            .ToList();
        var lost = DatabaseErrors.LostConnection(error);
        var diskFull = error is IOException io && TemporaryStorageException.IsDiskFull(io);
        var cause = error switch
        {
            SnapshotCorruptException => $"{error.Message}; nothing of {table.Target} was changed by the load",
            _ when diskFull =>
                $"the temporary directory is full ({error.Message}); free space or set BACKUPS_TEMP to a directory on a larger disk; nothing of {table.Target} was changed by the load",
            _ when lost is not null =>
                $"lost the connection to the target {plan.Target} ({ConnectionStrings.Redact(plan.Request.TargetConnection)}) while loading it: {lost}; "
                + $"the load's transaction was not committed, so none of its rows reached {table.Target}",
            _ => error.Message,
        };
        var empty = _createdEmpty.Keys.Order(StringComparer.Ordinal).ToList();
        var message = $"table {table.Table.QualifiedName} was not restored into {table.Target}: {cause}. "
            + (restored.Count == 0 ? "No table was restored" : $"Restored and committed before the failure: {string.Join(", ", restored.Select(r => r.Target))}")
            + (notRestored.Count > 1 ? $"; not restored: {string.Join(", ", notRestored.Skip(1))}" : "")
            + (empty.Count > 0 ? $". Created by this restore and left empty: {string.Join(", ", empty)} (drop them, or rerun with --mode truncate)" : "");
        return new RestoreFailedException(message, table.Table.QualifiedName, restored, notRestored, error) { Unavailable = lost is not null || diskFull };
    }
}
