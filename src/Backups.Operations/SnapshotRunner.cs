using Backups.Domain.Schema;
using Backups.Catalog;
using Backups.Snapshots;
using Backups.Sources;
using Backups.Storage;
using NodaTime;

namespace Backups.Operations;

/// <summary>
/// The "take a snapshot" use case: open one consistent read of the source, write every table and then
/// the manifest to the store, and index the result in the catalog. A failure at any point leaves no
/// visible snapshot (no manifest); leftovers are garbage for <see cref="GarbageCollector"/>. A source failing in the
/// middle of a table is reported naming the table and the server (<see cref="SourceReadFailures"/>), a temporary
/// directory that cannot be written as <see cref="TemporaryStorageException"/>.
/// </summary>
public sealed class SnapshotRunner(IClock clock, Func<string, string?> environment)
{
    public async Task<Manifest> RunAsync(
        SnapshotRequest request,
        SnapshotCatalog? catalog,
        IProgress<SnapshotProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var handle = StoreOpener.Open(request.StoreUrl, environment, request.StoreS3);
        var store = handle.Store;
        // Fail fast on an unreachable store, before holding a snapshot open on the database.
        await store.HeadAsync(SnapshotKeys.Root + "probe", cancellationToken);
        var source = SourceFactory.Create(
            request.SourceKind,
            request.SourceConnection,
            new SourceOptions { MaxParallelReaders = Math.Max(1, request.Parallelism) });
        var session = await source.OpenSnapshotAsync(
            new SourceSelection(request.Schema, request.Include, request.Exclude),
            cancellationToken);
        try
        {
            return await WriteAsync(request, catalog, store, session, progress, cancellationToken);
        }
        finally
        {
            await CloseQuietlyAsync(session);
        }
    }

    private async Task<Manifest> WriteAsync(
        SnapshotRequest request, SnapshotCatalog? catalog, IObjectStore store, ISourceSession session, IProgress<SnapshotProgress>? progress, CancellationToken cancellationToken)
    {
        var described = SourceReadFailures.Describe(session.Identity, request.SourceConnection);
        Exception? MapReadFailure(Exception error, TableSchema table, CancellationToken ct) => SourceReadFailures.Map(error, table.QualifiedName, described, ct);
        var writeRequest = new SnapshotWriteRequest
        {
            Store = store,
            SnapshotId = SnapshotId.New(clock, Random.Shared),
            PolicyName = request.PolicyName,
            Source = session.Identity,
            ConsistencyPoint = session.ConsistencyPoint,
            Tables = session.Tables,
            ReadRows = (table, ct) => new MappedRows(session.ReadRowsAsync(table, ct), error => MapReadFailure(error, table, ct)),
            OpenReader = session is IBatchSourceSession batches
                ? (table, slice) => new MappedTableReader(batches.OpenTableReader(table, slice), (error, ct) => MapReadFailure(error, table, ct))
                : null,
            SliceTable = session is IBatchSourceSession slicing ? slicing.SliceAsync : null,
            EstimateRows = session.EstimateRows,
            Labels = request.Labels,
            Parallelism = Math.Max(1, Math.Min(request.Parallelism, session.MaxParallelReaders)),
            PartSizeBytes = request.PartSizeBytes ?? SnapshotWriteRequest.DefaultPartSizeBytes,
            TempDirectory = request.TempDirectory,
        };
        Manifest manifest;
        try
        {
            manifest = await new SnapshotWriter(clock).WriteAsync(writeRequest, progress, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The stores and the sources report their own I/O failures as their exceptions: a bare one is the local
            // temporary directory the parts are written to before upload.
            throw TemporaryStorageException.For(request.TempDirectory ?? Path.GetTempPath(), "the snapshot's temporary part files", e);
        }

        catalog?.Upsert(CatalogEntries.From(store.Url, manifest));
        return manifest;
    }

    /// <summary>
    /// Ends the source's read transaction. Closing a connection the server has already ended fails (Npgsql resets
    /// pooled connections on close); that must neither hide why the snapshot failed nor fail a snapshot already committed.
    /// </summary>
    private static async Task CloseQuietlyAsync(ISourceSession session)
    {
        try
        {
            await session.DisposeAsync();
        }
        catch (Exception e) when (DatabaseErrors.LostConnection(e) is not null || DatabaseErrors.Failure(e) is not null)
        {
            // The connection is gone, and with it the transaction: nothing is left open on the server.
        }
    }
}
