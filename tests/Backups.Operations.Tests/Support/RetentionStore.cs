using Backups.Catalog;
using Backups.Domain.Policies;
using Backups.Operations.Retention;
using Backups.Storage.Files;
using NodaTime;
using NodaTime.Testing;

namespace Backups.Operations.Tests.Support;

/// <summary>A directory store in a temporary directory, a fake clock and an executor, for retention tests.</summary>
internal sealed class RetentionStore : IDisposable
{
    private readonly TempDirectory _directory = new();

    public RetentionStore(Instant now, RetentionOptions? options = null)
    {
        Clock = new FakeClock(now);
        Store = new FileObjectStore(_directory.Sub("store"));
        Executor = new RetentionExecutor(Clock, options);
        Audit = new StoreAuditLog(Store);
    }

    public FakeClock Clock { get; }

    public FileObjectStore Store { get; }

    public StoreAuditLog Audit { get; }

    public RetentionExecutor Executor { get; }

    public string Directory => _directory.Path;

    public Policy Policy(
        string name = "vacols", string schedule = Policies.Hourly, int? maxExpirePerRun = 1000, double maxExpireFraction = 0.5) =>
        Policies.Make(name, Store.Url, schedule, maxExpirePerRun: maxExpirePerRun, maxExpireFraction: maxExpireFraction);

    public Task<RetentionExecutionPlan> PlanAsync(Policy policy) => Executor.PlanAsync(Store, policy, Clock.GetCurrentInstant(), CancellationToken.None);

    /// <summary>Plans as of the clock's time and applies.</summary>
    public async Task<RetentionApplyResult> PruneAsync(Policy policy, bool force = false, SnapshotCatalog? catalog = null)
    {
        var plan = await PlanAsync(policy);
        return await Executor.ApplyAsync(plan, Store, Audit, force, catalog, CancellationToken.None);
    }

    public void Dispose() => _directory.Dispose();
}
