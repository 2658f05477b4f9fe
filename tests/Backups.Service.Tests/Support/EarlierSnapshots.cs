using Backups.Catalog;
using Backups.Operations;
using Backups.Operations.Service;
using Backups.Policies;
using NodaTime;
using NodaTime.Testing;

namespace Backups.Service.Tests.Support;

/// <summary>Takes real snapshots of a policy at chosen instants, indexed in a catalog, as an earlier run of the service would have.</summary>
public static class EarlierSnapshots
{
    public static async Task<string> TakeAsync(string policyFile, string catalogPath, Instant at, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var policy = PolicyLoader.LoadFile(policyFile, environment ?? new Dictionary<string, string?>()).Policy
            ?? throw new InvalidOperationException($"{policyFile} is not a valid policy");
        using var catalog = SnapshotCatalog.Open(catalogPath);
        var manifest = await new SnapshotRunner(new FakeClock(at), _ => null)
            .RunAsync(SnapshotRequests.FromPolicy(policy), catalog, null, CancellationToken.None);
        return manifest.Id;
    }
}
