using Backups.Storage;

namespace Backups.Snapshots.Reading;

/// <summary>The objects under one <c>snapshots/&lt;id&gt;/</c> directory.</summary>
internal sealed record SnapshotDirectory(string Id, IReadOnlyList<ObjectInfo> Objects, bool HasManifest);
