using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.ExceptionServices;
using Backups.Sources;
using Backups.Sources.Targets;

namespace Backups.Operations.Restore;

/// <summary>
/// The target's own count of each table, taken right after the table's load has committed, on the session that
/// loaded it: a table that was created or emptied by the restore must hold exactly the snapshot's rows (triggers or
/// rules on an existing table can drop or add rows that the load itself counted). Appended tables are not counted:
/// other rows were there before. A count that cannot be taken because the connection is gone leaves the restore
/// done, and the caller is told that the counts were not all taken; any other error of a count is raised by
/// <see cref="Check"/>, once every table has been loaded.
/// </summary>
internal sealed class TargetRowCounts
{
    private readonly ConcurrentDictionary<RestoreTablePlan, long> _counts = new();
    private volatile bool _missed;
    private ExceptionDispatchInfo? _error;

    public static bool Counts(RestoreTablePlan table) => !table.Exists || table.Load.Kind == RestoreActionKind.TruncateAndLoad;

    /// <summary>Counts the table on <paramref name="session"/> when it is one that must hold exactly the snapshot's rows.</summary>
    public async Task TakeAsync(ITargetSession session, RestoreTablePlan table, CancellationToken cancellationToken)
    {
        if (!Counts(table))
        {
            return;
        }

        try
        {
            _counts[table] = await session.CountRowsAsync(table.TargetSchema, table.Table.Name, cancellationToken);
        }
        catch (Exception e) when (DatabaseErrors.LostConnection(e) is not null)
        {
            _missed = true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Interlocked.CompareExchange(ref _error, ExceptionDispatchInfo.Capture(e), null);
        }
    }

    /// <summary>Whether every count was taken (and matched: a mismatch throws <see cref="RowCountMismatchException"/>).</summary>
    public bool Check(IEnumerable<RestoreTablePlan> tables)
    {
        _error?.Throw();
        var problems = new List<string>();
        string? first = null;
        foreach (var table in tables.Where(Counts))
        {
            if (!_counts.TryGetValue(table, out var actual))
            {
                continue;
            }

            if (actual != table.Table.RowCount)
            {
                first ??= table.Table.QualifiedName;
                problems.Add($"table {table.Target} holds {actual.ToString(CultureInfo.InvariantCulture)} rows after the restore, the snapshot {table.Table.RowCount.ToString(CultureInfo.InvariantCulture)}");
            }
        }

        if (problems.Count > 0)
        {
            throw new RowCountMismatchException(string.Join("; ", problems), first);
        }

        return !_missed;
    }
}
