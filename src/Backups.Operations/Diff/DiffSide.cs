using Backups.Domain.Schema;

namespace Backups.Operations.Diff;

/// <summary>One side of a diff: a table's schema and rows, and the keys of rows matching a predicate.</summary>
internal abstract class DiffSide : IAsyncDisposable
{
    public abstract DiffSideInfo Info { get; }

    public abstract TableSchema Schema { get; }

    public abstract IAsyncEnumerable<object?[]> ReadRowsAsync(CancellationToken cancellationToken);

    /// <summary>The <see cref="KeyText"/> of every row for which <paramref name="predicate"/> is true.</summary>
    public abstract Task<HashSet<string>> MatchingKeysAsync(string predicate, IReadOnlyList<DiffColumn> key, CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();
}
