using Backups.Storage;

namespace Backups.Operations.Tests.Support;

/// <summary>Passes every call to a real store, but holds the first delete of a chosen key until released.</summary>
internal sealed class GatedObjectStore(IObjectStore inner, string gatedKey) : IObjectStore
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _held;

    public string Url => inner.Url;

    /// <summary>Completes when the gated delete has been called (and is being held).</summary>
    public Task Reached => _reached.Task;

    public void Release() => _release.TrySetResult();

    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken) => inner.OpenReadAsync(key, cancellationToken);

    public Task<ObjectInfo?> HeadAsync(string key, CancellationToken cancellationToken) => inner.HeadAsync(key, cancellationToken);

    public IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);

    public Task PutAsync(string key, Stream content, CancellationToken cancellationToken) => inner.PutAsync(key, content, cancellationToken);

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        if (key == gatedKey && Interlocked.Exchange(ref _held, 1) == 0)
        {
            _reached.TrySetResult();
            await _release.Task.WaitAsync(cancellationToken);
        }
        await inner.DeleteAsync(key, cancellationToken);
    }
}
