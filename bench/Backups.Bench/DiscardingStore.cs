using Backups.Storage;

namespace Backups.Bench;

/// <summary>A store that reads every object to its end and keeps nothing: the writer's cost without any upload.</summary>
internal sealed class DiscardingStore : IObjectWriter
{
    private long bytes;
    private int objects;

    public long Bytes => Interlocked.Read(ref bytes);

    public int Objects => Volatile.Read(ref objects);

    public async Task PutAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var buffer = new byte[1 << 16];
        long total = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
        }

        Interlocked.Add(ref bytes, total);
        Interlocked.Increment(ref objects);
    }
}
