namespace Backups.Operations.Restore;

/// <summary>Sums progress over the tables being restored at once and reports it to the observer.</summary>
internal sealed class RestoreTracker(IRestoreObserver? observer, int tablesTotal, long rowsTotal, long bytesTotal)
{
    private readonly Lock _gate = new();
    private int _tablesDone;
    private long _rowsDone;
    private double _bytesDone;

    /// <summary>A table's load reported <paramref name="rows"/> rows so far (cumulative for that table).</summary>
    public IProgress<long> ForTable(string name, long tableRows, long tableBytes) => new TableProgress(this, name, tableRows, tableBytes);

    public void TableDone(string name)
    {
        lock (_gate)
        {
            _tablesDone++;
        }

        Report(name);
    }

    private void Add(string name, long rows, double bytes)
    {
        lock (_gate)
        {
            _rowsDone += rows;
            _bytesDone += bytes;
        }

        Report(name);
    }

    private void Report(string name)
    {
        if (observer is null)
        {
            return;
        }

        RestoreProgress progress;
        lock (_gate)
        {
            progress = new RestoreProgress(_tablesDone, tablesTotal, _rowsDone, rowsTotal, (long)_bytesDone, bytesTotal, name);
        }

        observer.Progress(progress);
    }

    private sealed class TableProgress(RestoreTracker tracker, string name, long tableRows, long tableBytes) : IProgress<long>
    {
        private long _reported;

        public void Report(long value)
        {
            var delta = value - _reported;
            if (delta <= 0)
            {
                return;
            }

            _reported = value;
            tracker.Add(name, delta, tableRows == 0 ? 0 : (double)tableBytes * delta / tableRows);
        }
    }
}
