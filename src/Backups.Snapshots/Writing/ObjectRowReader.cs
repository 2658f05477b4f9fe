using System.Globalization;
using Backups.Domain.Schema;

namespace Backups.Snapshots.Writing;

/// <summary>
/// Reads a table given as a stream of rows (one <see cref="object"/> array per row, values of the canonical CLR
/// types) into row batches: the path of sources without a batch reader of their own.
/// </summary>
internal sealed class ObjectRowReader(TableSchema table, IAsyncEnumerable<object?[]> rows) : ITableReader
{
    private readonly ColumnKind[] _kinds = [.. table.Columns.Select(c => c.Kind)];
    private IAsyncEnumerator<object?[]>? _rows;
    private long _rowNumber;

    /// <remarks>The stream is enumerated with the token of the first call.</remarks>
    public async ValueTask<int> ReadAsync(IRowBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        _rows ??= rows.GetAsyncEnumerator(cancellationToken);
        var appended = 0;
        while (await _rows.MoveNextAsync().ConfigureAwait(false))
        {
            _rowNumber++;
            var row = _rows.Current;
            if (row is null || row.Length != _kinds.Length)
            {
                throw new InvalidDataException(
                    $"table {table.QualifiedName}, row {_rowNumber}: expected {_kinds.Length} values, got {(row is null ? "null" : row.Length.ToString(CultureInfo.InvariantCulture))}");
            }

            for (var i = 0; i < _kinds.Length; i++)
            {
                try
                {
                    ObjectValues.Append(batch.Column(i), _kinds[i], row[i]);
                }
                catch (ArgumentException error)
                {
                    throw new InvalidDataException(
                        $"table {table.QualifiedName}, row {_rowNumber}, column '{table.Columns[i].Name}' ({_kinds[i]}): {error.Message}", error);
                }
            }

            appended++;
            if (batch.EndRow())
            {
                break;
            }
        }

        return appended;
    }

    public async ValueTask DisposeAsync()
    {
        if (_rows is not null)
        {
            await _rows.DisposeAsync().ConfigureAwait(false);
        }
    }
}
