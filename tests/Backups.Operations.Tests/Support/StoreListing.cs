using Backups.Snapshots;
using Backups.Storage;

namespace Backups.Operations.Tests.Support;

/// <summary>What a store holds, for before/after comparisons.</summary>
internal static class StoreListing
{
    /// <summary>Every object as <c>key size</c>, in key order.</summary>
    public static async Task<List<string>> AllAsync(IObjectStore store, string prefix = "")
    {
        var result = new List<string>();
        await foreach (var info in store.ListAsync(prefix, CancellationToken.None))
        {
            result.Add($"{info.Key} {info.Size}");
        }
        return result;
    }

    /// <summary>The ids of the complete snapshots, in id order.</summary>
    public static async Task<List<string>> SnapshotIdsAsync(IObjectStore store)
    {
        var result = new List<string>();
        await foreach (var id in new SnapshotReader().ListSnapshotIdsAsync(store, CancellationToken.None))
        {
            result.Add(id);
        }
        return result;
    }
}
