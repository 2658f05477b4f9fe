namespace Backups.Sources.Tests.Targets.Support;

/// <summary>Records every report at once, on the reporting thread (unlike <see cref="Progress{T}"/>).</summary>
internal sealed class SyncProgress : IProgress<long>
{
    private readonly List<long> reports = [];

    public IReadOnlyList<long> Reports
    {
        get
        {
            lock (reports)
            {
                return [.. reports];
            }
        }
    }

    public void Report(long value)
    {
        lock (reports)
        {
            reports.Add(value);
        }
    }
}
