namespace Backups.Operations;

/// <summary>
/// A row stream whose failures are replaced by <c>map</c>'s exception (when it returns one): a wrapper, so that the
/// read path itself stays as it is. Only moving to the next row can fail; the rows pass through untouched.
/// </summary>
internal sealed class MappedRows(IAsyncEnumerable<object?[]> rows, Func<Exception, Exception?> map) : IAsyncEnumerable<object?[]>
{
    public IAsyncEnumerator<object?[]> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        new Enumerator(rows.GetAsyncEnumerator(cancellationToken), map);

    private sealed class Enumerator(IAsyncEnumerator<object?[]> inner, Func<Exception, Exception?> map) : IAsyncEnumerator<object?[]>
    {
        public object?[] Current => inner.Current;

        public async ValueTask<bool> MoveNextAsync()
        {
            try
            {
                return await inner.MoveNextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (map(e) is { } mapped)
            {
                throw mapped;
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await inner.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (map(e) is { } mapped)
            {
                throw mapped;
            }
        }
    }
}
