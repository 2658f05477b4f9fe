using System.CommandLine;
using Backups.Cli.Infrastructure;
using Backups.Service;

namespace Backups.Cli.Commands;

/// <summary>
/// <c>backups run</c>: the unattended service in this process. Schedules every policy's snapshots, retention and
/// verification, serves /health and /metrics, and runs until Ctrl+C or SIGTERM (then stops gracefully, exit 0).
/// </summary>
internal static class RunCommand
{
    public static Command Build(CliContext context)
    {
        var policies = new Option<string?>("--policies") { Description = "Directory of policy files (*.yaml); overrides 'policies' in the settings file. --policies or --settings (with 'policies:') is required" };
        var settings = new Option<string?>("--settings") { Description = "Service settings file (YAML, see docs/service.md); defaults apply without one. --settings (with 'policies:') or --policies is required" };
        var catalog = new Option<string?>("--catalog") { Description = "Catalog file (default: the settings file's, else $BACKUPS_CATALOG or ~/.local/share/backups/catalog.db)" };
        var listen = new Option<string?>("--listen") { Description = "Serve /health and /metrics on ADDRESS:PORT (default 127.0.0.1:9464)" };
        var command = new Command("run", "Run the scheduling service until Ctrl+C or SIGTERM (SIGHUP reloads the policies): snapshots on each policy's schedule, retention, weekly verification, /health and /metrics. Needs --policies DIR or --settings FILE naming 'policies:'")
        {
            policies, settings, catalog, listen,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new ServiceHostOptions
            {
                PoliciesDirectory = parse.GetValue(policies),
                SettingsFile = parse.GetValue(settings),
                CatalogPath = parse.GetValue(catalog),
                DefaultCatalogPath = CatalogLocation.Resolve(context, null),
                Listen = parse.GetValue(listen),
                Environment = context.Environment,
                TimeProvider = new ClockTimeProvider(context.Clock),
            };
            try
            {
                await ServiceHost.RunAsync(options, cancellationToken);
            }
            catch (ServiceStartupException e)
            {
                foreach (var error in e.Errors)
                {
                    await context.Error.WriteLineAsync(error);
                }
                await context.Error.WriteLineAsync("backups: the service did not start");
                return ExitCodes.BadInput;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Ctrl+C during start: nothing was running yet.
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
