using Backups.Operations.Diff;

namespace Backups.Restore.Tests.Support;

/// <summary>Keeps everything a diff reports.</summary>
internal sealed class CollectingSink : IDiffSink
{
    public DiffHeader? Header { get; private set; }

    public List<RowDifference> Rows { get; } = [];

    public DiffSummary? Summary { get; private set; }

    public Task BeginAsync(DiffHeader header, CancellationToken cancellationToken)
    {
        Header = header;
        return Task.CompletedTask;
    }

    public Task RowAsync(RowDifference difference, CancellationToken cancellationToken)
    {
        Rows.Add(difference);
        return Task.CompletedTask;
    }

    public Task EndAsync(DiffSummary summary, CancellationToken cancellationToken)
    {
        Summary = summary;
        return Task.CompletedTask;
    }
}
