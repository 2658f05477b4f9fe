namespace Backups.Operations.Diff;

/// <summary>Receives a diff as it is found: the header, each differing row, then the counts.</summary>
public interface IDiffSink
{
    Task BeginAsync(DiffHeader header, CancellationToken cancellationToken);

    Task RowAsync(RowDifference difference, CancellationToken cancellationToken);

    Task EndAsync(DiffSummary summary, CancellationToken cancellationToken);
}
