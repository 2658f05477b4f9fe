using System.Runtime.CompilerServices;
using Backups.Storage;

namespace Backups.Snapshots.Tests.Support;

/// <summary>An object store in memory that records every put and delete in order.</summary>
internal sealed class InMemoryObjectStore : IObjectStore
{
    private readonly SortedDictionary<string, byte[]> _objects = new(StringComparer.Ordinal);
    private readonly List<string> _log = [];
    private readonly Lock _lock = new();

    public string Url => "memory://test";

    /// <summary>"put &lt;key&gt;" and "delete &lt;key&gt;" in the order they happened.</summary>
    public IReadOnlyList<string> Log
    {
        get
        {
            lock (_lock)
            {
                return [.. _log];
            }
        }
    }

    public IReadOnlyList<string> Keys
    {
        get
        {
            lock (_lock)
            {
                return [.. _objects.Keys];
            }
        }
    }

    public byte[] Get(string key)
    {
        lock (_lock)
        {
            return (byte[])_objects[key].Clone();
        }
    }

    public void Set(string key, byte[] content)
    {
        lock (_lock)
        {
            _objects[key] = (byte[])content.Clone();
        }
    }

    public void Remove(string key)
    {
        lock (_lock)
        {
            _objects.Remove(key);
        }
    }

    public async Task PutAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        lock (_lock)
        {
            _objects[key] = buffer.ToArray();
            _log.Add("put " + key);
        }
    }

    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return _objects.TryGetValue(key, out var content)
                ? Task.FromResult<Stream>(new MemoryStream(content, writable: false))
                : throw new ObjectNotFoundException(Url, key);
        }
    }

    public Task<ObjectInfo?> HeadAsync(string key, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_objects.TryGetValue(key, out var content) ? new ObjectInfo(key, content.Length) : null);
        }
    }

    public async IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<ObjectInfo> items;
        lock (_lock)
        {
            items = [.. _objects.Where(o => o.Key.StartsWith(prefix, StringComparison.Ordinal)).Select(o => new ObjectInfo(o.Key, o.Value.Length))];
        }

        foreach (var item in items)
        {
            await Task.Yield();
            yield return item;
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _objects.Remove(key);
            _log.Add("delete " + key);
        }

        return Task.CompletedTask;
    }
}
