using Backups.Operations;
using Backups.Operations.Retention;
using Backups.Service.Health;
using Backups.Service.Jobs;
using Backups.Service.Reload;
using Backups.Service.Restores;
using Backups.Service.Scheduling;
using Backups.Service.UseCases;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Backups.Service.Hosting;

/// <summary>The service's registrations: configuration, use cases, jobs and Quartz, health, metrics and the RPO monitor.</summary>
internal static class ServiceComposition
{
    public static void AddBackupsService(this IServiceCollection services, ServiceHostOptions options, ServiceConfiguration configuration)
    {
        var environment = new ServiceEnvironment(options.Environment);
        services.AddSingleton(new ServiceClock(options.TimeProvider));
        services.AddSingleton<IClock>(sp => sp.GetRequiredService<ServiceClock>());
        services.AddSingleton(configuration);
        services.AddSingleton(configuration.Policies);
        services.AddSingleton(environment);
        services.AddSingleton(new CatalogFiles(configuration.CatalogPath));
        services.AddSingleton(options.Random);

        services.AddSingleton<PolicyStatusBoard>();
        services.AddSingleton<IJobObserver>(sp => sp.GetRequiredService<PolicyStatusBoard>());
        services.AddSingleton<ServiceMetrics>();
        services.AddSingleton<IJobObserver>(sp => sp.GetRequiredService<ServiceMetrics>());
        services.AddSingleton<HealthReport>();
        services.AddSingleton<IJobObserver, JobRunRecorder>();
        services.AddSingleton<MissedRunCatchUp>();

        services.AddSingleton(sp => new SnapshotRunner(sp.GetRequiredService<IClock>(), environment.Get));
        services.AddSingleton<PolicySnapshots>();
        var maintenance = configuration.Settings.Maintenance;
        services.AddSingleton(sp => new RetentionExecutor(sp.GetRequiredService<IClock>(), new RetentionOptions
        {
            StaleFactor = maintenance.RetentionStaleFactor,
            GarbageGrace = Duration.FromTimeSpan(maintenance.GarbageGrace),
        }));
        services.AddSingleton<PolicyRetention>();
        services.AddSingleton<RestoreDrill>();
        services.AddSingleton<PolicyVerification>();
        services.AddSingleton<PauseGate>();
        services.AddSingleton<ReviewGate>();
        services.AddSingleton<PolicyReloader>();

        // Order matters: the schedule is in place before Quartz starts, and the RPO monitor runs last.
        services.AddSingleton<ScheduleSynchronizer>();
        services.AddHostedService(sp => sp.GetRequiredService<ScheduleSynchronizer>());
        services.AddScheduler(configuration.Settings.Scheduler, options.SchedulerTimeProvider ?? options.TimeProvider);
        services.AddSingleton<RpoMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<RpoMonitor>());
        services.AddHostedService<ReloadSignal>();
        services.AddSingleton<RestoreQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<RestoreQueue>());

        options.ConfigureServices?.Invoke(services);
    }
}
