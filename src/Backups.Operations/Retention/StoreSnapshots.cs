using Backups.Domain.Retention;
using Backups.Snapshots;

namespace Backups.Operations.Retention;

/// <summary>What retention reads from a store for one policy.</summary>
/// <param name="StoreUrl">The store read.</param>
/// <param name="Policy">The policy whose snapshots these are (manifests name their policy).</param>
/// <param name="Snapshots">The policy's complete snapshots (completion instant as the time), each with its pin reason if pinned.</param>
/// <param name="Sizes">Total bytes of each snapshot in <paramref name="Snapshots"/>, by id.</param>
/// <param name="Incomplete">Directories under <c>snapshots/</c> without a manifest (of any policy: a missing manifest names none).</param>
/// <param name="Unreadable">Manifests that could not be read: never planned, never expired.</param>
/// <param name="OtherPolicies">How many complete snapshots in the store belong to other policies (left alone).</param>
public sealed record StoreSnapshots(
    string StoreUrl,
    string Policy,
    IReadOnlyList<SnapshotRef> Snapshots,
    IReadOnlyDictionary<string, long> Sizes,
    IReadOnlyList<IncompleteSnapshot> Incomplete,
    IReadOnlyList<UnreadableSnapshot> Unreadable,
    int OtherPolicies);
