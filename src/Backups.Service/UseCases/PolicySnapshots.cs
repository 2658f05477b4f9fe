using Backups.Operations;
using Backups.Operations.Service;
using Backups.Service.Health;
using Backups.Service.Hosting;
using Backups.Service.Scheduling;
using Microsoft.Extensions.Logging;

namespace Backups.Service.UseCases;

/// <summary>Takes one snapshot of a policy into its store and indexes it in the catalog.</summary>
internal sealed partial class PolicySnapshots(
    SnapshotRunner runner,
    CatalogFiles catalogs,
    PolicyStatusBoard board,
    ServiceEnvironment environment,
    ILogger<PolicySnapshots> log)
{
    public async Task TakeAsync(ScheduledPolicy policy, CancellationToken cancellationToken)
    {
        var request = SnapshotRequests.FromPolicy(policy.Policy, environment.TempDirectory);
        using var catalog = catalogs.Open();
        var manifest = await runner.RunAsync(request, catalog, progress: null, cancellationToken);
        board.Saw(policy.Name, new NewestSnapshot(manifest.Id, manifest.CompletedAt, manifest.Totals.Bytes, manifest.Totals.Rows));
        Taken(manifest.Id, policy.Name, manifest.Totals.Tables, manifest.Totals.Rows, manifest.Totals.Bytes, policy.CanonicalStoreUrl);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Snapshot {SnapshotId} of {Policy}: {Tables} tables, {Rows} rows, {Bytes} bytes in {Store}")]
    private partial void Taken(string snapshotId, string policy, int tables, long rows, long bytes, string store);
}
