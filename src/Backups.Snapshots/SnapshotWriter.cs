using System.Reflection;
using System.Security.Cryptography;
using Backups.Snapshots.Format;
using Backups.Snapshots.Writing;
using Backups.Storage;
using NodaTime;

namespace Backups.Snapshots;

/// <summary>
/// Writes a snapshot: every table as Parquet parts under <c>snapshots/&lt;id&gt;/tables/</c>, then the manifest's
/// checksum file, then the manifest, last. Until the manifest exists the snapshot does not: on any failure the
/// write throws, no manifest is written, and what was uploaded is deleted where the store allows (best effort).
/// Memory stays bounded: each table being written holds two row groups (one filling, one being encoded); parts go
/// through local temporary files.
/// </summary>
public sealed class SnapshotWriter(IClock clock)
{
    private static readonly string DefaultToolVersion =
        typeof(SnapshotWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(SnapshotWriter).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    public async Task<Manifest> WriteAsync(SnapshotWriteRequest request, IProgress<SnapshotProgress>? progress, CancellationToken cancellationToken)
    {
        Validate(request);
        var startedAt = clock.GetCurrentInstant();
        var tables = request.Tables;
        var directories = TableDirectoryNames.Disambiguate([.. tables.Select(t => SnapshotKeys.TableDirectory(t.Schema, t.Name))]);
        var tempDirectory = Path.Combine(request.TempDirectory ?? Path.GetTempPath(), $"backups-{request.SnapshotId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(tempDirectory);

        var uploads = new UploadLog();
        var manifestAttempted = false;
        try
        {
            var tracker = new ProgressTracker(progress, tables.Count);
            var writer = new TableWriter(request, tempDirectory, tracker, uploads);
            var work = await PlanWorkAsync(request, cancellationToken).ConfigureAwait(false);
            var parts = new IReadOnlyList<ManifestPart>[tables.Count][];
            for (var i = 0; i < tables.Count; i++)
            {
                parts[i] = new IReadOnlyList<ManifestPart>[work.Count(w => w.Table == i)];
            }

            var remaining = parts.Select(p => p.Length).ToArray();
            var options = new ParallelOptions { MaxDegreeOfParallelism = request.Parallelism, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(work, options, async (item, token) =>
            {
                var table = tables[item.Table];
                parts[item.Table][item.Slice?.Index ?? 0] = await writer.WriteAsync(table, item.Slice, directories[item.Table], token).ConfigureAwait(false);
                if (Interlocked.Decrement(ref remaining[item.Table]) == 0)
                {
                    tracker.TableDone(table.QualifiedName);
                }
            }).ConfigureAwait(false);

            var written = new ManifestTable[tables.Count];
            for (var i = 0; i < tables.Count; i++)
            {
                var table = tables[i];
                var columns = table.Columns.Select(ManifestColumn.From).ToArray();
                var tableParts = parts[i].SelectMany(p => p).ToArray();
                written[i] = new ManifestTable(table.Schema, table.Name, columns, table.PrimaryKey, table.UniqueConstraints, tableParts.Sum(p => p.RowCount), tableParts);
            }

            var manifest = new Manifest(
                Manifest.CurrentFormatVersion,
                request.SnapshotId,
                request.PolicyName,
                request.Source,
                Sorted(request.ConsistencyPoint),
                startedAt,
                clock.GetCurrentInstant(),
                request.ToolVersion ?? DefaultToolVersion,
                Sorted(request.Labels),
                written,
                ManifestTotals.Of(written));

            var json = ManifestJson.Serialize(manifest);
            var checksumKey = SnapshotKeys.ManifestChecksum(request.SnapshotId);
            uploads.Attempting(checksumKey);
            await PutAsync(request.Store, checksumKey, ManifestJson.ChecksumFile(Convert.ToHexStringLower(SHA256.HashData(json))), cancellationToken)
                .ConfigureAwait(false);

            manifestAttempted = true;
            await PutAsync(request.Store, SnapshotKeys.Manifest(request.SnapshotId), json, cancellationToken).ConfigureAwait(false);
            return manifest;
        }
        catch
        {
            await DeleteUploadsAsync(request, uploads, manifestAttempted).ConfigureAwait(false);
            throw;
        }
        finally
        {
            TryDeleteDirectory(tempDirectory);
        }
    }

    /// <summary>
    /// What to read: every table whole, or in slices where the source splits a large one. The largest tables (by the
    /// source's estimate) come first, so that a big table is not the last to start.
    /// </summary>
    private static async Task<List<WorkItem>> PlanWorkAsync(SnapshotWriteRequest request, CancellationToken cancellationToken)
    {
        var work = new List<WorkItem>();
        for (var i = 0; i < request.Tables.Count; i++)
        {
            var table = request.Tables[i];
            var slices = request.OpenReader is not null && request.SliceTable is not null && request.Parallelism > 1
                ? await request.SliceTable(table, request.Parallelism, cancellationToken).ConfigureAwait(false)
                : [];
            var rows = request.EstimateRows?.Invoke(table) ?? 0;
            if (slices.Count == 0)
            {
                work.Add(new WorkItem(i, null, rows));
            }
            else
            {
                work.AddRange(slices.Select(s => new WorkItem(i, s, rows / slices.Count)));
            }
        }

        return [.. work.OrderByDescending(w => w.EstimatedRows).ThenBy(w => w.Table).ThenBy(w => w.Slice?.Index ?? 0)];
    }

    private static void Validate(SnapshotWriteRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Store);
        ArgumentNullException.ThrowIfNull(request.ReadRows);
        ArgumentNullException.ThrowIfNull(request.Source);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.PolicyName);
        SnapshotId.Validate(request.SnapshotId, nameof(request));
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Parallelism, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.PartSizeBytes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.RowGroupRows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.RowGroupBytes, 1);

        var names = new HashSet<(string?, string)>();
        foreach (var table in request.Tables)
        {
            if (table.Columns.Count == 0)
            {
                throw new ArgumentException($"table {table.QualifiedName} has no columns; Parquet cannot store a table without columns", nameof(request));
            }

            if (!names.Add((table.Schema, table.Name)))
            {
                throw new ArgumentException($"table {table.QualifiedName} is listed twice", nameof(request));
            }

            _ = SnapshotKeys.TableDirectory(table.Schema, table.Name);
        }
    }

    private static SortedDictionary<string, string> Sorted(IReadOnlyDictionary<string, string> values) =>
        new(values.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), StringComparer.Ordinal);

    private static async Task PutAsync(IObjectWriter store, string key, byte[] content, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(content, writable: false);
        await store.PutAsync(key, stream, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Best effort, after a failure. The manifest goes first: if it might exist and cannot be deleted, the parts it
    /// names are kept so that no visible manifest points at deleted objects.
    /// </summary>
    private static async Task DeleteUploadsAsync(SnapshotWriteRequest request, UploadLog uploads, bool manifestAttempted)
    {
        if (request.Store is not IObjectDeleter deleter)
        {
            return;
        }

        if (manifestAttempted && !await TryDeleteAsync(deleter, SnapshotKeys.Manifest(request.SnapshotId)).ConfigureAwait(false))
        {
            return;
        }

        foreach (var key in uploads.Keys)
        {
            await TryDeleteAsync(deleter, key).ConfigureAwait(false);
        }
    }

    private static async Task<bool> TryDeleteAsync(IObjectDeleter deleter, string key)
    {
        try
        {
            await deleter.DeleteAsync(key, CancellationToken.None).ConfigureAwait(false);
            return true;
        }
        catch (Exception)
        {
            // Cleanup must not hide the failure that caused it; leftovers are garbage for gc.
            return false;
        }
    }

    private static void TryDeleteDirectory(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary directory is harmless; the next write uses a new one.
        }
    }
}
