namespace Backups.Snapshots.Writing;

/// <summary>Thread-safe totals behind <see cref="SnapshotProgress"/> reports from tables written in parallel.</summary>
internal sealed class ProgressTracker(IProgress<SnapshotProgress>? progress, int tablesTotal)
{
    private int _tablesDone;
    private long _rows;
    private long _bytes;

    public long Rows => Interlocked.Read(ref _rows);

    public void RowGroupWritten(string table, long rows, long bytes)
    {
        Interlocked.Add(ref _rows, rows);
        Interlocked.Add(ref _bytes, bytes);
        Report(table);
    }

    public void TableDone(string table)
    {
        Interlocked.Increment(ref _tablesDone);
        Report(table);
    }

    private void Report(string? table) =>
        progress?.Report(new SnapshotProgress(Volatile.Read(ref _tablesDone), tablesTotal, Interlocked.Read(ref _rows), Interlocked.Read(ref _bytes), table));
}
