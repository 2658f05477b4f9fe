using Backups.Operations;
using Backups.Service.Hosting;
using Backups.Service.Scheduling;
using Backups.Service.Settings;
using Backups.Snapshots;
using Backups.Storage;
using Microsoft.Extensions.Logging;

namespace Backups.Service.UseCases;

/// <summary>
/// The weekly verification: refreshes the catalog from the store, then re-reads the newest snapshot and a few random
/// others and checks every object's size, SHA-256 and row count against the manifest. Snapshots already in an archive
/// class cannot be read without a restore and are skipped. When the policy names a spare, the newest snapshot is then
/// restored into it (<see cref="RestoreDrill"/>). The job fails if a sampled snapshot is corrupt or the drill fails.
/// </summary>
internal sealed partial class PolicyVerification(
    CatalogFiles catalogs,
    ServiceEnvironment environment,
    ServiceConfiguration configuration,
    Random random,
    RestoreDrill drill,
    ILogger<PolicyVerification> log)
{
    public async Task VerifySampleAsync(ScheduledPolicy policy, CancellationToken cancellationToken)
    {
        using var handle = StoreOpener.Open(policy.Policy.StoreUrl, environment.Get, policy.Policy.StoreS3);
        IReadOnlyList<Manifest> manifests;
        using (var catalog = catalogs.Open())
        {
            manifests = await CatalogRebuilder.RebuildAsync(handle.Store, catalog, cancellationToken);
        }
        var ids = manifests.Where(m => m.Policy == policy.Name).Select(m => m.Id).ToList();
        var sample = VerifySample.Choose(ids, configuration.Settings.Maintenance.VerifyRandom, random);
        var verifier = new SnapshotVerifier(environment.TempDirectory);
        var bad = 0;
        foreach (var id in sample)
        {
            try
            {
                var report = await verifier.VerifyAsync(handle.Store, id, progress: null, cancellationToken);
                if (report.IsIntact)
                {
                    Intact(id, policy.Name, report.ObjectsChecked, report.BytesChecked);
                    continue;
                }
                bad++;
                foreach (var problem in report.Problems)
                {
                    Corrupt(id, policy.Name, problem.Key, problem.Description);
                }
            }
            catch (ObjectArchivedException e)
            {
                Archived(id, policy.Name, e.StorageClass);
            }
        }
        var problems = new List<string>();
        if (bad > 0)
        {
            problems.Add($"{bad} of {sample.Count} sampled snapshots of {policy.Name} do not match their manifests");
        }
        if (policy.Policy.Spare is not null && ids.Count > 0
            && await drill.RunAsync(policy, ids[^1], cancellationToken) is { Succeeded: false } failed)
        {
            problems.Add($"the restore drill of {ids[^1]} into the spare of {policy.Name} failed: {failed.Error}");
        }
        if (problems.Count > 0)
        {
            throw new VerificationFailedException(string.Join("; ", problems));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Verified {SnapshotId} of {Policy}: intact ({Objects} objects, {Bytes} bytes)")]
    private partial void Intact(string snapshotId, string policy, int objects, long bytes);

    [LoggerMessage(Level = LogLevel.Error, Message = "Verification of {SnapshotId} of {Policy} failed: {Key}: {Problem}")]
    private partial void Corrupt(string snapshotId, string policy, string key, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Verification of {SnapshotId} of {Policy} skipped: archived in {StorageClass}")]
    private partial void Archived(string snapshotId, string policy, string storageClass);
}
