using Serilog.Events;
using YamlDotNet.RepresentationModel;

namespace Backups.Service.Settings;

/// <summary>Turns the YAML tree of a settings file into <see cref="ServiceSettings"/>, reporting every problem found.</summary>
internal sealed class SettingsReader
{
    private static readonly string[] TopKeys = ["policies", "catalog", "http", "scheduler", "logs", "rpo", "retention", "verify"];
    private static readonly string[] HttpKeys = ["listen"];
    private static readonly string[] SchedulerKeys = ["store", "connection", "name", "instance-id", "create-schema", "misfire-threshold", "checkin-interval", "idle-wait", "threads"];
    private static readonly string[] LogKeys = ["directory", "level", "console", "retained-files"];
    private static readonly string[] RpoKeys = ["stale-factor", "check-every"];
    private static readonly string[] RetentionKeys = ["nightly", "stale-factor", "garbage-grace", "review-delay"];
    private static readonly string[] VerifyKeys = ["weekly", "random"];

    private static readonly Dictionary<string, SchedulerStore> Stores = new(StringComparer.Ordinal)
    {
        ["memory"] = SchedulerStore.Memory,
        ["postgres"] = SchedulerStore.Postgres,
    };

    private static readonly Dictionary<string, LogEventLevel> Levels = new(StringComparer.Ordinal)
    {
        ["verbose"] = LogEventLevel.Verbose,
        ["debug"] = LogEventLevel.Debug,
        ["information"] = LogEventLevel.Information,
        ["warning"] = LogEventLevel.Warning,
        ["error"] = LogEventLevel.Error,
    };

    private readonly SettingsErrors _errors;
    private readonly YamlValues _values;

    public SettingsReader(string file, string baseDirectory, IReadOnlyDictionary<string, string?> environment)
    {
        _errors = new SettingsErrors(file);
        _values = new YamlValues(_errors, baseDirectory, environment);
    }

    public IReadOnlyList<SettingsError> Errors => _errors.All;

    public ServiceSettings Read(YamlNode root)
    {
        var defaults = new ServiceSettings();
        if (YamlSection.Read(root, "", TopKeys, _errors) is not { } top)
        {
            return defaults;
        }
        return defaults with
        {
            PoliciesDirectory = top["policies"] is { } policies ? _values.FilePath(policies, "policies") : null,
            CatalogPath = top["catalog"] is { } catalog ? _values.FilePath(catalog, "catalog") : null,
            Listen = top["http"] is { } http ? ReadHttp(http) : defaults.Listen,
            Scheduler = top["scheduler"] is { } scheduler ? ReadScheduler(scheduler) : defaults.Scheduler,
            Logs = top["logs"] is { } logs ? ReadLogs(logs) : defaults.Logs,
            Rpo = top["rpo"] is { } rpo ? ReadRpo(rpo) : defaults.Rpo,
            Maintenance = ReadMaintenance(top["retention"], top["verify"]),
        };
    }

    private HttpListen ReadHttp(YamlNode node)
    {
        if (YamlSection.Read(node, "http", HttpKeys, _errors) is not { } section || section["listen"] is not { } listenNode)
        {
            return HttpListen.Default;
        }
        if (_values.Text(listenNode, section.Name("listen")) is not { } text)
        {
            return HttpListen.Default;
        }
        if (!HttpListen.TryParse(text, out var listen, out var error))
        {
            _errors.Add(listenNode, $"'http.listen': {error}");
        }
        return listen;
    }

    private SchedulerSettings ReadScheduler(YamlNode node)
    {
        var result = new SchedulerSettings();
        if (YamlSection.Read(node, "scheduler", SchedulerKeys, _errors) is not { } s)
        {
            return result;
        }
        if (s["store"] is { } store && _values.Choice(store, s.Name("store"), Stores) is { } kind)
        {
            result = result with { Store = kind };
        }
        if (s["connection"] is { } connection)
        {
            result = result with { Connection = _values.Resolved(connection, s.Name("connection")) };
            if (result.Store != SchedulerStore.Postgres)
            {
                _errors.Add(connection, "'scheduler.connection' is only used with 'store: postgres'");
            }
        }
        else if (result.Store == SchedulerStore.Postgres)
        {
            _errors.Add(node, "'store: postgres' needs 'connection' (an Npgsql connection string; keep the password in ${VAR})");
        }
        if (s["name"] is { } name && _values.Text(name, s.Name("name")) is { } schedulerName)
        {
            result = result with { Name = schedulerName };
        }
        if (s["instance-id"] is { } instance && _values.Text(instance, s.Name("instance-id")) is { } id)
        {
            result = result with { InstanceId = string.Equals(id, "auto", StringComparison.OrdinalIgnoreCase) ? null : id };
        }
        if (s["create-schema"] is { } create && _values.Boolean(create, s.Name("create-schema")) is { } createSchema)
        {
            result = result with { CreateSchema = createSchema };
        }
        if (s["misfire-threshold"] is { } misfire
            && _values.Duration(misfire, s.Name("misfire-threshold"), TimeSpan.FromSeconds(1), TimeSpan.FromDays(1)) is { } threshold)
        {
            result = result with { MisfireThreshold = threshold };
        }
        if (s["checkin-interval"] is { } checkin
            && _values.Duration(checkin, s.Name("checkin-interval"), TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10)) is { } interval)
        {
            result = result with { CheckinInterval = interval };
        }
        if (s["idle-wait"] is { } idle
            && _values.Duration(idle, s.Name("idle-wait"), TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5)) is { } idleWait)
        {
            result = result with { IdleWait = idleWait };
        }
        if (s["threads"] is { } threads && _values.Integer(threads, s.Name("threads"), 1, 64) is { } count)
        {
            result = result with { Threads = count };
        }
        return result;
    }

    private LogSettings ReadLogs(YamlNode node)
    {
        var result = new LogSettings();
        if (YamlSection.Read(node, "logs", LogKeys, _errors) is not { } s)
        {
            return result;
        }
        if (s["directory"] is { } directory)
        {
            result = result with { Directory = _values.FilePath(directory, s.Name("directory")) };
        }
        if (s["level"] is { } level && _values.Choice(level, s.Name("level"), Levels) is { } minimum)
        {
            result = result with { Level = minimum };
        }
        if (s["console"] is { } console && _values.Boolean(console, s.Name("console")) is { } toConsole)
        {
            result = result with { Console = toConsole };
        }
        if (s["retained-files"] is { } retained && _values.Integer(retained, s.Name("retained-files"), 1, 3660) is { } files)
        {
            result = result with { RetainedFiles = files };
        }
        return result;
    }

    private RpoSettings ReadRpo(YamlNode node)
    {
        var result = new RpoSettings();
        if (YamlSection.Read(node, "rpo", RpoKeys, _errors) is not { } s)
        {
            return result;
        }
        if (s["stale-factor"] is { } factor && _values.Number(factor, s.Name("stale-factor"), 1.0, 1000.0) is { } staleFactor)
        {
            result = result with { StaleFactor = staleFactor };
        }
        if (s["check-every"] is { } every
            && _values.Duration(every, s.Name("check-every"), TimeSpan.FromSeconds(1), TimeSpan.FromHours(1)) is { } checkEvery)
        {
            result = result with { CheckEvery = checkEvery };
        }
        return result;
    }

    private MaintenanceSettings ReadMaintenance(YamlNode? retention, YamlNode? verify)
    {
        var result = new MaintenanceSettings();
        if (retention is not null && YamlSection.Read(retention, "retention", RetentionKeys, _errors) is { } r)
        {
            if (r["nightly"] is { } nightly && _values.Cron(nightly, r.Name("nightly")) is { } retentionCron)
            {
                result = result with { RetentionCron = retentionCron };
            }
            if (r["stale-factor"] is { } factor && _values.Number(factor, r.Name("stale-factor"), 1.0, 1000.0) is { } staleFactor)
            {
                result = result with { RetentionStaleFactor = staleFactor };
            }
            if (r["garbage-grace"] is { } grace
                && _values.Duration(grace, r.Name("garbage-grace"), TimeSpan.FromHours(1), TimeSpan.FromDays(365)) is { } garbageGrace)
            {
                result = result with { GarbageGrace = garbageGrace };
            }
            if (r["review-delay"] is { } review)
            {
                result = (review as YamlScalarNode)?.Value?.Trim() == "never"
                    ? result with { ReviewDelay = null }
                    : _values.Duration(review, r.Name("review-delay"), TimeSpan.Zero, TimeSpan.FromDays(365)) is { } delay
                        ? result with { ReviewDelay = delay }
                        : result;
            }
        }
        if (verify is not null && YamlSection.Read(verify, "verify", VerifyKeys, _errors) is { } v)
        {
            if (v["weekly"] is { } weekly && _values.Cron(weekly, v.Name("weekly")) is { } verifyCron)
            {
                result = result with { VerifyCron = verifyCron };
            }
            if (v["random"] is { } random && _values.Integer(random, v.Name("random"), 0, 100) is { } count)
            {
                result = result with { VerifyRandom = count };
            }
        }
        return result;
    }
}
