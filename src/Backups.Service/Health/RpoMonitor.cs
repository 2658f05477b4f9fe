using Backups.Operations;
using Backups.Service.Hosting;
using Backups.Service.Scheduling;
using Backups.Service.Settings;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Backups.Service.Health;

/// <summary>
/// The RPO alert: every <see cref="RpoSettings.CheckEvery"/> it looks up each policy's newest complete snapshot in the
/// catalog, and when that is older than the schedule allows it first asks the store (the source of truth, which
/// another cluster node may have written to) and, if still too old, logs an ERROR; /health reports the same verdict.
/// Nothing is read from a store while every policy is healthy, so starting the service connects nowhere.
/// </summary>
internal sealed partial class RpoMonitor(
    PolicyRegistry policies,
    PolicyStatusBoard board,
    CatalogFiles catalogs,
    ServiceEnvironment environment,
    ServiceConfiguration configuration,
    ServiceClock clock,
    ILogger<RpoMonitor> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(configuration.Settings.Rpo.CheckEvery, clock.Provider);
        try
        {
            do
            {
                await CheckAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>One check of every policy; returns the verdicts (also logged and visible in /health).</summary>
    public async Task<IReadOnlyDictionary<string, RpoVerdict>> CheckAsync(CancellationToken cancellationToken)
    {
        ReadCatalog();
        var verdicts = new Dictionary<string, RpoVerdict>(StringComparer.Ordinal);
        foreach (var policy in policies.All)
        {
            var verdict = Evaluate(policy);
            if (verdict.Status == RpoStatus.Stale)
            {
                await RefreshFromStoreAsync(policy, cancellationToken);
                verdict = Evaluate(policy);
            }
            if (verdict.Status == RpoStatus.Stale)
            {
                var newest = board.Get(policy.Name).Newest;
                if (newest is null)
                {
                    BreachedWithoutSnapshot(policy.Name, Durations.Describe(Now() - board.StartedAt), Durations.Describe(verdict.Allowed!.Value));
                }
                else
                {
                    Breached(policy.Name, newest.Id, Durations.Describe(verdict.Age!.Value), Durations.Describe(verdict.Allowed!.Value));
                }
            }
            verdicts[policy.Name] = verdict;
        }
        return verdicts;
    }

    private RpoVerdict Evaluate(ScheduledPolicy policy) =>
        RpoVerdict.Evaluate(board.Get(policy.Name).Newest, policy.AllowedAge, board.StartedAt, Now());

    private Instant Now() => clock.GetCurrentInstant();

    private void ReadCatalog()
    {
        try
        {
            using var catalog = catalogs.Open();
            var entries = catalog.List();
            foreach (var policy in policies.All)
            {
                var newest = entries
                    .Where(e => e.Policy == policy.Name && e.StoreUrl == policy.CanonicalStoreUrl)
                    .MaxBy(e => e.Completed);
                if (newest is not null)
                {
                    board.Saw(policy.Name, new NewestSnapshot(newest.Id, newest.Completed, newest.Bytes, newest.Rows));
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            CatalogUnreadable(e, catalogs.Path);
        }
    }

    private async Task RefreshFromStoreAsync(ScheduledPolicy policy, CancellationToken cancellationToken)
    {
        try
        {
            using var handle = StoreOpener.Open(policy.Policy.StoreUrl, environment.Get, policy.Policy.StoreS3);
            using var catalog = catalogs.Open();
            var manifests = await CatalogRebuilder.RebuildAsync(handle.Store, catalog, cancellationToken);
            var newest = manifests.Where(m => m.Policy == policy.Name).MaxBy(m => m.CompletedAt);
            board.Replace(policy.Name, newest is null ? null : new NewestSnapshot(newest.Id, newest.CompletedAt, newest.Totals.Bytes, newest.Totals.Rows));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            StoreUnreadable(policy.Name, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "RPO breached for {Policy}: the newest complete snapshot {SnapshotId} is {Age} old; its schedule allows {Allowed}")]
    private partial void Breached(string policy, string snapshotId, string age, string allowed);

    [LoggerMessage(Level = LogLevel.Error, Message = "RPO breached for {Policy}: no complete snapshot in the {Age} since the service started; its schedule allows {Allowed}")]
    private partial void BreachedWithoutSnapshot(string policy, string age, string allowed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot read the catalog {Catalog} for the RPO check")]
    private partial void CatalogUnreadable(Exception exception, string catalog);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot read the store of {Policy} to confirm its newest snapshot: {Reason}")]
    private partial void StoreUnreadable(string policy, string reason);
}
