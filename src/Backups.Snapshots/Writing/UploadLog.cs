using System.Collections.Concurrent;

namespace Backups.Snapshots.Writing;

/// <summary>Keys this write has put (or tried to put), so a failed write can delete them.</summary>
internal sealed class UploadLog
{
    private readonly ConcurrentQueue<string> _keys = new();

    public void Attempting(string key) => _keys.Enqueue(key);

    public IReadOnlyList<string> Keys => [.. _keys];
}
