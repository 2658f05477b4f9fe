using System.Diagnostics;
using System.Globalization;
using Backups.Snapshots;
using Backups.Sources;
using Backups.Storage;
using NodaTime;

namespace Backups.Bench;

/// <summary>
/// Splits the cost of a snapshot into stages, each timed on its own (wall clock, CPU of this process, of the
/// PostgreSQL server and of the machine): the raw COPY floor (PostgreSQL), opening the consistent read, reading
/// every row through the source, reading and writing Parquet into a store that discards it, uploading a blob of
/// the same size to a store, and the whole snapshot into that store (deleted afterwards).
/// </summary>
internal sealed class SnapshotStagesBench(IClock clock) : IBenchMode
{
    public string Name => "snapshot-stages";

    public string Usage =>
        "snapshot-stages <KIND:CONNECTION> [--schema S] [--parallelism 2] [--part-size-mib 256] [--store URL] [--upload-mib 128] [--no-raw] [--writer-only] [--row-group-rows N] [--row-group-mib N]";

    public int Run(IReadOnlyList<string> args, TextWriter output)
    {
        var parsed = BenchArguments.Parse(
            args,
            ["--no-raw", "--writer-only"],
            ["--schema", "--parallelism", "--part-size-mib", "--store", "--upload-mib", "--row-group-rows", "--row-group-mib"]);
        var source = parsed.Required(0, "KIND:CONNECTION");
        parsed.NoMoreThan(1);
        var colon = source.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw new BenchUsageException($"expected KIND:CONNECTION, not '{source}'");
        }

        var options = new StageOptions(
            source[..colon].ToLowerInvariant(),
            source[(colon + 1)..],
            parsed.Value("--schema"),
            parsed.Value("--parallelism") is { } p ? BenchArguments.PositiveInt(p, "--parallelism") : 2,
            (parsed.Value("--part-size-mib") is { } s ? BenchArguments.PositiveInt(s, "--part-size-mib") : 256) * 1024L * 1024,
            parsed.Value("--store"),
            parsed.Value("--upload-mib") is { } u ? BenchArguments.PositiveInt(u, "--upload-mib") : 128,
            !parsed.Has("--no-raw") && !parsed.Has("--writer-only"),
            parsed.Has("--writer-only"),
            parsed.Value("--row-group-rows") is { } rr ? BenchArguments.PositiveInt(rr, "--row-group-rows") : SnapshotWriteRequest.DefaultRowGroupRows,
            parsed.Value("--row-group-mib") is { } rm ? BenchArguments.PositiveInt(rm, "--row-group-mib") * 1024L * 1024 : SnapshotWriteRequest.DefaultRowGroupBytes);
        return RunAsync(options, output).GetAwaiter().GetResult();
    }

    private async Task<int> RunAsync(StageOptions options, TextWriter output)
    {
        var ct = CancellationToken.None;
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"snapshot-stages: {options.Kind} schema {options.Schema ?? "(default)"}, parallelism {options.Parallelism}, part size {options.PartSizeBytes / (1024 * 1024)} MiB, row groups of {options.RowGroupRows:N0} rows or {options.RowGroupBytes / (1024 * 1024)} MiB, {Environment.ProcessorCount} cores"));
        output.WriteLine(StageResult.Header);

        if (options.Raw && options.Kind is "postgres" or "postgresql")
        {
            foreach (var result in await PgCopyProbe.RunAsync(options.Connection, options.Schema ?? "public", ct))
            {
                output.WriteLine(result);
            }
        }

        var source = SourceFactory.Create(options.Kind, options.Connection, new SourceOptions { MaxParallelReaders = options.Parallelism });
        var before = CpuSample.Take();
        var watch = Stopwatch.StartNew();
        await using var session = await source.OpenSnapshotAsync(new SourceSelection(options.Schema, [], []), ct);
        output.WriteLine(new StageResult($"open snapshot ({session.Tables.Count} tables)", watch.Elapsed.TotalSeconds, 0, 0, CpuSample.Take() - before));
        var parallelism = Math.Max(1, Math.Min(options.Parallelism, session.MaxParallelReaders));

        long rows = 0;
        if (!options.WriterOnly)
        {
            rows = await MeasureAsync(output, $"source read (P={parallelism})", () => ReadAllAsync(session, parallelism));
        }

        var discard = new DiscardingStore();
        // Twice: the first run pays for compiling the code (as a one-off snapshot process does), the second runs warm.
        foreach (var label in new[] { "read + Parquet, no upload (cold)", "read + Parquet, no upload (warm)" })
        {
            rows = await MeasureAsync(output, label, async () =>
            {
                var manifest = await new SnapshotWriter(clock).WriteAsync(WriteRequest(session, discard, options, parallelism), null, ct);
                return (manifest.Totals.Rows, discard.Bytes);
            });
        }

        if (options.StoreUrl is { } url && !options.WriterOnly)
        {
            var store = ObjectStoreFactory.Open(url, environment: Environment.GetEnvironmentVariable);
            try
            {
                await UploadBlobAsync(output, store, options.UploadMib, ct);
                await MeasureAsync(output, "read + Parquet + upload", async () =>
                {
                    var request = WriteRequest(session, store, options, parallelism);
                    var manifest = await new SnapshotWriter(clock).WriteAsync(request, null, ct);
                    await DeletePrefixAsync(store, SnapshotKeys.SnapshotPrefix(request.SnapshotId), ct);
                    return (manifest.Totals.Rows, manifest.Totals.Bytes);
                });
            }
            finally
            {
                (store as IDisposable)?.Dispose();
            }
        }

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"rows {rows:N0}; peak working set of this process {Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024):0} MiB"));
        return 0;
    }

    private static async Task<long> MeasureAsync(TextWriter output, string stage, Func<Task<(long Rows, long Bytes)>> run)
    {
        GC.Collect();
        var before = CpuSample.Take();
        var watch = Stopwatch.StartNew();
        var (rows, bytes) = await run();
        var seconds = watch.Elapsed.TotalSeconds;
        output.WriteLine(new StageResult(stage, seconds, rows, bytes, CpuSample.Take() - before));
        return rows;
    }

    private static async Task<(long Rows, long Bytes)> ReadAllAsync(ISourceSession session, int parallelism)
    {
        long count = 0;
        await Parallel.ForEachAsync(session.Tables, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (table, token) =>
        {
            long n = 0;
            await foreach (var row in session.ReadRowsAsync(table, token))
            {
                n++;
            }

            Interlocked.Add(ref count, n);
        });
        return (count, 0L);
    }

    private static async Task UploadBlobAsync(TextWriter output, IObjectStore store, int mib, CancellationToken ct)
    {
        var blob = new byte[mib * 1024L * 1024];
        new Random(42).NextBytes(blob); // incompressible, like zstd output
        var key = $"bench/upload-probe-{Guid.NewGuid():N}";
        var before = CpuSample.Take();
        var watch = Stopwatch.StartNew();
        using (var content = new MemoryStream(blob, writable: false))
        {
            await store.PutAsync(key, content, ct);
        }

        output.WriteLine(new StageResult($"upload {mib} MiB blob, one put", watch.Elapsed.TotalSeconds, 0, blob.Length, CpuSample.Take() - before));
        await store.DeleteAsync(key, ct);
    }

    private SnapshotWriteRequest WriteRequest(ISourceSession session, IObjectWriter store, StageOptions options, int parallelism) => new()
    {
        Store = store,
        SnapshotId = SnapshotId.New(clock, Random.Shared),
        PolicyName = "bench",
        Source = session.Identity,
        ConsistencyPoint = session.ConsistencyPoint,
        Tables = session.Tables,
        ReadRows = session.ReadRowsAsync,
        OpenReader = session is IBatchSourceSession batches ? batches.OpenTableReader : null,
        SliceTable = session is IBatchSourceSession slicing ? slicing.SliceAsync : null,
        EstimateRows = session.EstimateRows,
        Parallelism = parallelism,
        PartSizeBytes = options.PartSizeBytes,
        RowGroupRows = options.RowGroupRows,
        RowGroupBytes = options.RowGroupBytes,
    };

    private static async Task DeletePrefixAsync(IObjectStore store, string prefix, CancellationToken ct)
    {
        var keys = new List<string>();
        await foreach (var item in store.ListAsync(prefix, ct))
        {
            keys.Add(item.Key);
        }

        foreach (var key in keys)
        {
            await store.DeleteAsync(key, ct);
        }
    }

    private sealed record StageOptions(
        string Kind, string Connection, string? Schema, int Parallelism, long PartSizeBytes, string? StoreUrl, int UploadMib, bool Raw, bool WriterOnly, int RowGroupRows, long RowGroupBytes);
}
