using Backups.Policies;
using Backups.Service.Scheduling;
using Backups.Service.Settings;
using NodaTime;
using Quartz;

namespace Backups.Service.Hosting;

/// <summary>
/// Loads the settings file and every policy, applying the command line's overrides. Reports every error of every
/// file at once (<c>FILE:LINE:COL: message</c>) so that one start shows everything to fix.
/// </summary>
internal static class ServiceConfigurationLoader
{
    public static ServiceConfiguration Load(ServiceHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = new ServiceSettings();
        if (options.SettingsFile is { } file)
        {
            var loaded = ServiceSettingsLoader.LoadFile(file, options.Environment);
            if (loaded.Settings is null)
            {
                throw new ServiceStartupException([.. loaded.Errors.Select(e => e.ToString())]);
            }
            settings = loaded.Settings;
        }
        settings = ApplyOverrides(settings, options);

        var directory = settings.PoliciesDirectory
            ?? throw new ServiceStartupException(["no policy directory: give --policies DIR, or 'policies:' in the settings file"]);
        var (scheduled, errors) = LoadPolicies(directory, settings, options.Environment, options.TimeProvider.GetUtcNow());
        if (errors.Count > 0)
        {
            throw new ServiceStartupException(errors);
        }
        var catalog = settings.CatalogPath ?? options.DefaultCatalogPath;
        return new ServiceConfiguration(settings with { CatalogPath = catalog }, directory, catalog, new PolicyRegistry(scheduled));
    }

    /// <summary>
    /// Loads and checks every policy file of <paramref name="directory"/> (also what a reload does): the policies
    /// ready to schedule, and every error of every file (<c>FILE:LINE:COL: message</c>); use the policies only when
    /// there is no error.
    /// </summary>
    public static (IReadOnlyList<ScheduledPolicy> Policies, IReadOnlyList<string> Errors) LoadPolicies(
        string directory, ServiceSettings settings, IReadOnlyDictionary<string, string?> environment, DateTimeOffset now)
    {
        var set = PolicyLoader.LoadDirectory(directory, environment);
        var errors = set.Errors.Select(e => e.ToString()).ToList();
        if (set.Files.Count == 0 && errors.Count == 0)
        {
            errors.Add($"{directory}: no policy files (*.yaml) in the policy directory");
        }

        var scheduled = new List<ScheduledPolicy>();
        foreach (var result in set.Files.Where(f => f.Policy is not null))
        {
            var policy = result.Policy!;
            if (!PolicyTimeZones.TryToTimeZoneInfo(policy.Zone, out var timeZone))
            {
                errors.Add($"{result.File}: policy '{policy.Name}': time zone '{policy.Zone.Id}' is not in this system's time zone database (install tzdata)");
                continue;
            }
            if (!CronExpression.TryParse(policy.Schedule, out _))
            {
                errors.Add($"{result.File}: policy '{policy.Name}': schedule '{policy.Schedule}' is not a Quartz cron expression");
                continue;
            }
            var interval = ScheduleInterval.Longest(policy.Schedule, timeZone, now);
            var allowed = interval is { } gap ? Duration.FromTimeSpan(gap * settings.Rpo.StaleFactor) : (Duration?)null;
            scheduled.Add(new ScheduledPolicy(policy, result.File, timeZone, interval is { } i ? Duration.FromTimeSpan(i) : null, allowed));
        }
        return (scheduled, errors);
    }

    private static ServiceSettings ApplyOverrides(ServiceSettings settings, ServiceHostOptions options)
    {
        if (options.PoliciesDirectory is { } policies)
        {
            settings = settings with { PoliciesDirectory = Path.GetFullPath(policies) };
        }
        if (options.CatalogPath is { } catalog)
        {
            settings = settings with { CatalogPath = Path.GetFullPath(catalog) };
        }
        if (options.Listen is { } text)
        {
            if (!HttpListen.TryParse(text, out var listen, out var error))
            {
                throw new ServiceStartupException([$"--listen: {error}"]);
            }
            settings = settings with { Listen = listen };
        }
        return settings;
    }
}
