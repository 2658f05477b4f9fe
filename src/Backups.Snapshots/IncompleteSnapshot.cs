using Backups.Storage;

namespace Backups.Snapshots;

/// <summary>A directory under <c>snapshots/</c> that has objects but no manifest: a failed or interrupted write, for gc.</summary>
/// <param name="Id">The directory name (normally a snapshot id).</param>
/// <param name="Objects">Every object under <c>snapshots/&lt;id&gt;/</c>, in key order.</param>
public sealed record IncompleteSnapshot(string Id, IReadOnlyList<ObjectInfo> Objects)
{
    public long TotalBytes => Objects.Sum(o => o.Size);
}
