using System.Globalization;
using Backups.Domain.Schema;

namespace Backups.Operations.Diff;

/// <summary>
/// Matches the rows of two streams by key without sorting either: both are read side by side, and a row waits in a
/// pending set until its partner arrives from the other stream. When both come in the same order (a table with a
/// primary key is read and stored in key order, in the source's own collation) only rows without a partner wait,
/// so memory grows with the number of differences, not with the table. Streams in different orders (no primary key,
/// <c>--key</c> other than the key) still give the exact answer, holding up to one side's out-of-order rows.
/// Rows left without a partner at the end are added or removed, reported in key order.
/// </summary>
internal sealed class TableDiffer(DiffSchema schema, IReadOnlySet<string>? scope, IReadOnlyList<IDiffSink> sinks)
{
    private readonly int[] _oldKey = [.. schema.Key.Select(k => k.OldIndex)];
    private readonly int[] _newKey = [.. schema.Key.Select(k => k.NewIndex)];
    private readonly ColumnKind[] _keyKinds = [.. schema.Key.Select(k => k.Kind)];
    private readonly DiffColumn[] _compared = [.. schema.Compared];
    private readonly Dictionary<string, object?[]> _pendingOld = new(StringComparer.Ordinal);
    private readonly Dictionary<string, object?[]> _pendingNew = new(StringComparer.Ordinal);
    private long _changed;
    private long _oldRows;
    private long _newRows;
    private long _inScope;

    public async Task<DiffSummary> RunAsync(IAsyncEnumerable<object?[]> oldRows, IAsyncEnumerable<object?[]> newRows, CancellationToken cancellationToken)
    {
        var old = oldRows.GetAsyncEnumerator(cancellationToken);
        await using (old)
        {
            var @new = newRows.GetAsyncEnumerator(cancellationToken);
            await using (@new)
            {
                var oldDone = false;
                var newDone = false;
                var turn = false;
                while (!oldDone || !newDone)
                {
                    // Read from the side that is behind (fewer rows waiting); alternate when even.
                    turn = !turn;
                    var takeOld = newDone || (!oldDone && (_pendingOld.Count < _pendingNew.Count || (_pendingOld.Count == _pendingNew.Count && turn)));
                    if (takeOld)
                    {
                        if (await old.MoveNextAsync())
                        {
                            _oldRows++;
                            await OldRowAsync(old.Current, cancellationToken);
                        }
                        else
                        {
                            oldDone = true;
                        }
                    }
                    else if (await @new.MoveNextAsync())
                    {
                        _newRows++;
                        await NewRowAsync(@new.Current, cancellationToken);
                    }
                    else
                    {
                        newDone = true;
                    }
                }
            }
        }

        foreach (var (_, row) in _pendingOld.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            await EmitAsync(new RowDifference(DiffKind.Removed, row, null, []), cancellationToken);
        }

        foreach (var (_, row) in _pendingNew.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            await EmitAsync(new RowDifference(DiffKind.Added, null, row, []), cancellationToken);
        }

        return new DiffSummary(_changed, _pendingNew.Count, _pendingOld.Count, _oldRows, _newRows, scope is null ? null : _inScope);
    }

    private async Task OldRowAsync(object?[] row, CancellationToken cancellationToken)
    {
        var key = KeyText.Compose(row, _oldKey, _keyKinds);
        if (scope is not null && !scope.Contains(key))
        {
            return;
        }

        if (_pendingNew.Remove(key, out var partner))
        {
            await CompareAsync(row, partner, cancellationToken);
        }
        else if (!_pendingOld.TryAdd(key, row))
        {
            throw Duplicate("snapshot", row, _oldKey);
        }
    }

    private async Task NewRowAsync(object?[] row, CancellationToken cancellationToken)
    {
        var key = KeyText.Compose(row, _newKey, _keyKinds);
        if (scope is not null && !scope.Contains(key))
        {
            return;
        }

        if (_pendingOld.Remove(key, out var partner))
        {
            await CompareAsync(partner, row, cancellationToken);
        }
        else if (!_pendingNew.TryAdd(key, row))
        {
            throw Duplicate("new side", row, _newKey);
        }
    }

    private async Task CompareAsync(object?[] old, object?[] @new, CancellationToken cancellationToken)
    {
        _inScope++;
        List<DiffColumn>? changed = null;
        foreach (var column in _compared)
        {
            if (!DiffValues.Same(column.Kind, old[column.OldIndex], @new[column.NewIndex]))
            {
                (changed ??= []).Add(column);
            }
        }

        if (changed is not null)
        {
            _changed++;
            await EmitAsync(new RowDifference(DiffKind.Changed, old, @new, changed), cancellationToken);
        }
    }

    private async Task EmitAsync(RowDifference difference, CancellationToken cancellationToken)
    {
        if (difference.Kind != DiffKind.Changed)
        {
            _inScope++;
        }

        foreach (var sink in sinks)
        {
            await sink.RowAsync(difference, cancellationToken);
        }
    }

    private OperationInputException Duplicate(string side, object?[] row, int[] key) =>
        new($"the key ({string.Join(", ", schema.Key.Select(k => k.Name))}) does not identify rows: the {side} has two rows with "
            + string.Join(", ", schema.Key.Select((k, i) => $"{k.Name} = {ValueFormat.Display(k.Kind, row[key[i]])}"))
            + "; give --key columns that are unique");
}
