using Backups.Catalog;
using Backups.Snapshots;
using Backups.Sources;
using NodaTime;

namespace Backups.Operations;

/// <summary>
/// The "take a snapshot" use case: open one consistent read of the source, write every table and then
/// the manifest to the store, and index the result in the catalog. A failure at any point leaves no
/// visible snapshot (no manifest); leftovers are garbage for <see cref="GarbageCollector"/>.
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
        using var handle = StoreOpener.Open(request.StoreUrl, environment);
        var store = handle.Store;
        // Fail fast on an unreachable store, before holding a snapshot open on the database.
        await store.HeadAsync(SnapshotKeys.Root + "probe", cancellationToken);
        var source = SourceFactory.Create(
            request.SourceKind,
            request.SourceConnection,
            new SourceOptions { MaxParallelReaders = Math.Max(1, request.Parallelism) });
        await using var session = await source.OpenSnapshotAsync(
            new SourceSelection(request.Schema, request.Include, request.Exclude),
            cancellationToken);

        var writeRequest = new SnapshotWriteRequest
        {
            Store = store,
            SnapshotId = SnapshotId.New(clock, Random.Shared),
            PolicyName = request.PolicyName,
            Source = session.Identity,
            ConsistencyPoint = session.ConsistencyPoint,
            Tables = session.Tables,
            ReadRows = session.ReadRowsAsync,
            OpenReader = session is IBatchSourceSession batches ? batches.OpenTableReader : null,
            SliceTable = session is IBatchSourceSession slicing ? slicing.SliceAsync : null,
            EstimateRows = session.EstimateRows,
            Labels = request.Labels,
            Parallelism = Math.Max(1, Math.Min(request.Parallelism, session.MaxParallelReaders)),
            PartSizeBytes = request.PartSizeBytes ?? SnapshotWriteRequest.DefaultPartSizeBytes,
            TempDirectory = request.TempDirectory,
        };
        var manifest = await new SnapshotWriter(clock).WriteAsync(writeRequest, progress, cancellationToken);
        catalog?.Upsert(CatalogEntries.From(store.Url, manifest));
        return manifest;
    }
}
