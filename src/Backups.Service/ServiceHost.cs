using System.Net.Sockets;
using Backups.Service.Health;
using Backups.Service.Hosting;
using Backups.Service.Reload;
using Backups.Service.Restores;
using Backups.Service.Scheduling;
using Backups.Service.Settings;
using Backups.Sources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Quartz;
using Serilog;

namespace Backups.Service;

/// <summary>
/// The unattended service: loads the settings and every policy (any error stops the start, reported as
/// <c>FILE:LINE:COL</c>), schedules each policy's snapshot, retention and verify jobs with Quartz, reloads the policies
/// on SIGHUP or <c>POST /reload</c>, runs restores on request (<c>POST /restores</c>), and serves <c>/health</c> and
/// <c>/metrics</c>. See docs/service.md.
/// </summary>
public static class ServiceHost
{
    /// <summary>Runs the service until <paramref name="cancellationToken"/> fires or the process gets SIGTERM, then stops gracefully.</summary>
    /// <exception cref="ServiceStartupException">The configuration is invalid or the listen address or scheduler database cannot be used.</exception>
    public static async Task RunAsync(ServiceHostOptions options, CancellationToken cancellationToken)
    {
        await using var running = await StartAsync(options, cancellationToken);
        await running.WaitForShutdownAsync(cancellationToken);
    }

    internal static async Task<RunningService> StartAsync(ServiceHostOptions options, CancellationToken cancellationToken)
    {
        var configuration = ServiceConfigurationLoader.Load(options);
        var logger = LoggingSetup.Create(configuration.Settings.Logs, options.LogSink);
        WebApplication? app = null;
        try
        {
            Describe(logger, configuration);
            var scheduler = configuration.Settings.Scheduler;
            if (scheduler is { Store: SchedulerStore.Postgres, CreateSchema: true })
            {
                await CreateSchemaAsync(scheduler.Connection!, cancellationToken);
            }
            app = Build(options, configuration, logger);
            await app.StartAsync(cancellationToken);
            var running = new RunningService(app);
            logger.Information("Serving /health, /metrics, /reload and /restores on {Address}", running.HttpAddress);
            return running;
        }
        catch (Exception e) when (IsAddressInUse(e))
        {
            await DisposeAsync(app, logger);
            throw new ServiceStartupException([$"cannot listen on {configuration.Settings.Listen}: the address is in use (set http.listen or --listen)"]);
        }
        catch (SchedulerException e)
        {
            await DisposeAsync(app, logger);
            var reason = e.InnerException is { } inner && !e.Message.Contains(inner.Message, StringComparison.Ordinal) ? $"{e.Message} ({inner.Message})" : e.Message;
            throw new ServiceStartupException([$"the scheduler cannot start: {reason}"]);
        }
        catch
        {
            await DisposeAsync(app, logger);
            throw;
        }
    }

    private static WebApplication Build(ServiceHostOptions options, ServiceConfiguration configuration, Serilog.Core.Logger logger)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = "backups",
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });
        // Typed settings only: no appsettings.json or environment-variable configuration behind the settings file.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog(logger, dispose: true);
        builder.Host.UseDefaultServiceProvider(o =>
        {
            o.ValidateOnBuild = true;
            o.ValidateScopes = true;
        });
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        var listen = configuration.Settings.Listen;
        builder.WebHost.ConfigureKestrel(k => k.Listen(listen.Address, listen.Port));
        builder.Services.AddBackupsService(options, configuration);

        var app = builder.Build();
        app.Lifetime.ApplicationStopping.Register(() =>
            logger.Information("Stopping: no new jobs start; running jobs are cancelled, leaving nothing partial visible"));
        app.MapGet("/health", http => http.RequestServices.GetRequiredService<HealthReport>().WriteAsync(http));
        app.MapRestores();
        app.MapPost("/reload", http => ReloadJson.HandleAsync(http, http.RequestServices.GetRequiredService<PolicyReloader>()));
        app.MapGet("/metrics", async http =>
        {
            http.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
            await http.RequestServices.GetRequiredService<ServiceMetrics>().WriteAsync(http.Response.Body, http.RequestAborted);
        });
        return app;
    }

    private static void Describe(Serilog.ILogger logger, ServiceConfiguration configuration)
    {
        var scheduler = configuration.Settings.Scheduler;
        logger.Information(
            "Starting with {PolicyCount} policies from {Directory}; catalog {Catalog}; scheduler {Store}{Connection}",
            configuration.Policies.All.Count,
            configuration.PoliciesDirectory,
            configuration.CatalogPath,
            scheduler.Store.ToString().ToLowerInvariant(),
            scheduler.Connection is { } connection ? $" ({ConnectionStrings.Redact(connection)})" : "");
        foreach (var policy in configuration.Policies.All)
        {
            logger.Information(
                "Policy {Policy} ({File}): {SourceKind} {Source} -> {Store}, \"{Schedule}\" in {TimeZone}",
                policy.Name,
                policy.File,
                policy.Policy.Source.Kind.ToString().ToLowerInvariant(),
                ConnectionStrings.Redact(policy.Policy.Source.Connection),
                policy.CanonicalStoreUrl,
                policy.Policy.Schedule,
                policy.TimeZone.Id);
        }
    }

    private static async Task CreateSchemaAsync(string connection, CancellationToken cancellationToken)
    {
        try
        {
            await QuartzSchema.EnsureAsync(connection, cancellationToken);
        }
        catch (NpgsqlException e)
        {
            throw new ServiceStartupException([$"cannot create the Quartz tables in {ConnectionStrings.Redact(connection)}: {e.Message}"]);
        }
    }

    private static bool IsAddressInUse(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is AddressInUseException or SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse })
            {
                return true;
            }
        }
        return false;
    }

    private static async Task DisposeAsync(WebApplication? app, Serilog.Core.Logger logger)
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
        else
        {
            await logger.DisposeAsync();
        }
    }
}
