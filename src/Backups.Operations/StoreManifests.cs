namespace Backups.Operations;

/// <summary>What a store's committed snapshots are: the manifests that read back whole, and the damaged ones.</summary>
/// <param name="Manifests">Readable manifests, oldest first (completion, then id).</param>
/// <param name="Damaged">Snapshots with a manifest that cannot be read or checked, in id order.</param>
public sealed record StoreManifests(IReadOnlyList<Snapshots.Manifest> Manifests, IReadOnlyList<DamagedSnapshot> Damaged);
