using Backups.Catalog;
using Backups.Operations;
using Backups.Operations.Retention;
using Backups.Service.Hosting;
using Backups.Service.Scheduling;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Backups.Service.UseCases;

/// <summary>
/// Plans the policy's retention against its store and applies it, audited in the store, guarded (a refusing guard
/// changes nothing and fails the job), and removing expired snapshots from the catalog.
/// </summary>
internal sealed partial class PolicyRetention(
    RetentionExecutor executor,
    CatalogFiles catalogs,
    ServiceEnvironment environment,
    IClock clock,
    ILogger<PolicyRetention> log)
{
    public async Task ApplyAsync(ScheduledPolicy policy, CancellationToken cancellationToken)
    {
        using var handle = StoreOpener.Open(policy.Policy.StoreUrl, environment.Get, policy.Policy.StoreS3);
        var plan = await executor.PlanAsync(handle.Store, policy.Policy, clock.GetCurrentInstant(), cancellationToken);
        using var catalog = catalogs.Open();
        var audit = new MirroredAuditLog(handle.Store, catalogs.Path, e => AuditNotMirrored(policy.Name, catalogs.Path, e.Message));
        var result = await executor.ApplyAsync(plan, handle.Store, audit, force: false, catalog, cancellationToken);
        if (result.Refused)
        {
            throw new RetentionRefusedException($"retention of {policy.Name} refused, nothing expired: {string.Join("; ", result.RefusalReasons)}");
        }
        Applied(policy.Name, plan.Snapshots.Snapshots.Count, result.Expired.Count, result.Resumed.Count, result.GarbageDeleted.Count, result.BytesDeleted);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit entry of {Policy} written to the store but not copied into the catalog {Catalog}: {Reason}")]
    private partial void AuditNotMirrored(string policy, string catalog, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention of {Policy}: {Snapshots} snapshots, {Expired} expired, {Resumed} resumed, {Garbage} incomplete deleted, {Bytes} bytes freed")]
    private partial void Applied(string policy, int snapshots, int expired, int resumed, int garbage, long bytes);
}
