using Backups.Storage;

namespace Backups.Snapshots.Tests.Support;

/// <summary>A writer that reads every object to its end and keeps only its key and size (for volume tests).</summary>
internal sealed class DiscardingObjectStore : IObjectWriter
{
    private readonly Dictionary<string, long> _sizes = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public IReadOnlyDictionary<string, long> Sizes
    {
        get
        {
            lock (_lock)
            {
                return new Dictionary<string, long>(_sizes, StringComparer.Ordinal);
            }
        }
    }

    public async Task PutAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 16];
        long size = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            size += read;
        }

        lock (_lock)
        {
            _sizes[key] = size;
        }
    }
}
