using Backups.Domain.Schema;

namespace Backups.Operations;

/// <summary>
/// A batch reader whose failures are replaced by <c>map</c>'s exception (when it returns one), like
/// <see cref="MappedRows"/> for row streams: a wrapper, so that the read path itself stays as it is.
/// </summary>
internal sealed class MappedTableReader(ITableReader inner, Func<Exception, CancellationToken, Exception?> map) : ITableReader
{
    public async ValueTask<int> ReadAsync(IRowBatch batch, CancellationToken cancellationToken)
    {
        try
        {
            return await inner.ReadAsync(batch, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (map(e, cancellationToken) is { } mapped)
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
        catch (Exception e) when (map(e, CancellationToken.None) is { } mapped)
        {
            throw mapped;
        }
    }
}
