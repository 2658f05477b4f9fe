using Backups.Snapshots;
using Backups.Storage;
using NodaTime;
using NodaTime.Text;

namespace Backups.Operations.Restore;

/// <summary>
/// Finds the snapshot a <see cref="SnapshotPointer"/> names. For a point in time it is the newest complete
/// snapshot whose <see cref="Manifest.StartedAt"/> is at or before it. Why StartedAt: the source fixes its
/// consistency point when the session opens, before the writer starts, so every row of a snapshot is as of an
/// instant no later than StartedAt; a snapshot started at or before <c>--at</c> therefore never contains a change
/// committed after <c>--at</c>. It is also recorded by every dialect on one clock (the id's), whereas the
/// consistency point's own description (LSN, exported snapshot, SCN) is dialect-specific and not always a time.
/// </summary>
public static class SnapshotResolver
{
    private const int ManifestReadParallelism = 8;

    public static async Task<ResolvedSnapshot> ResolveAsync(IObjectStore store, SnapshotPointer pointer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(pointer);
        var reader = new SnapshotReader();
        if (pointer.Id is { } id)
        {
            try
            {
                return new ResolvedSnapshot(await reader.ReadManifestAsync(store, id, cancellationToken), pointer, []);
            }
            catch (ObjectNotFoundException)
            {
                throw new OperationInputException($"unknown snapshot id '{id}': no committed manifest in {store.Url} (see 'backups list --store {store.Url}')");
            }
        }

        var at = pointer.At!.Value;
        var ids = new List<string>();
        await foreach (var each in reader.ListSnapshotIdsAsync(store, cancellationToken))
        {
            ids.Add(each);
        }

        if (ids.Count == 0)
        {
            throw new OperationInputException($"{store.Url} holds no complete snapshot");
        }

        // An id encodes a clock reading taken just before StartedAt (truncated to the second), so a snapshot whose
        // id starts after --at cannot have started at or before it: its manifest need not be read.
        var candidates = ids.Where(i => SnapshotId.TryGetStart(i, out var start) && start <= at).ToList();
        var warnings = new List<string>();
        var manifests = new Manifest?[candidates.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = ManifestReadParallelism, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, candidates.Count), options, async (i, token) =>
        {
            try
            {
                manifests[i] = await reader.ReadManifestAsync(store, candidates[i], token);
            }
            catch (Exception e) when (e is SnapshotCorruptException or SnapshotFormatException or ObjectNotFoundException)
            {
                lock (warnings)
                {
                    warnings.Add($"snapshot {candidates[i]} was skipped: its manifest cannot be read ({e.Message})");
                }
            }
        });

        var chosen = manifests.OfType<Manifest>()
            .Where(m => m.StartedAt <= at)
            .OrderByDescending(m => m.StartedAt)
            .ThenByDescending(m => m.Id, StringComparer.Ordinal)
            .FirstOrDefault();
        if (chosen is null)
        {
            throw new OperationInputException(
                $"no complete snapshot in {store.Url} started at or before {Format(at)}: the oldest available is {await DescribeOldestAsync(store, reader, ids[0], cancellationToken)}");
        }

        return new ResolvedSnapshot(chosen, pointer, [.. warnings.Order(StringComparer.Ordinal)]);
    }

    private static async Task<string> DescribeOldestAsync(IObjectStore store, SnapshotReader reader, string id, CancellationToken cancellationToken)
    {
        try
        {
            var manifest = await reader.ReadManifestAsync(store, id, cancellationToken);
            return $"{id} (started {Format(manifest.StartedAt)})";
        }
        catch (Exception e) when (e is SnapshotCorruptException or SnapshotFormatException or ObjectNotFoundException)
        {
            return id;
        }
    }

    private static string Format(Instant instant) => InstantPattern.ExtendedIso.Format(instant);
}
