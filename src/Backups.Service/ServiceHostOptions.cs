using Backups.Service.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace Backups.Service;

/// <summary>How to start the service: its settings file, command-line overrides and the outside world.</summary>
public sealed record ServiceHostOptions
{
    /// <summary>The settings file (YAML, docs/service.md); null runs on the defaults.</summary>
    public string? SettingsFile { get; init; }

    /// <summary>The policy directory; overrides the settings file's <c>policies</c>.</summary>
    public string? PoliciesDirectory { get; init; }

    /// <summary>The catalog file; overrides the settings file's <c>catalog</c>.</summary>
    public string? CatalogPath { get; init; }

    /// <summary>The catalog file when neither the command line nor the settings file names one.</summary>
    public required string DefaultCatalogPath { get; init; }

    /// <summary>Where to serve /health and /metrics (<c>ADDRESS:PORT</c>); overrides the settings file's <c>http.listen</c>.</summary>
    public string? Listen { get; init; }

    /// <summary>The environment <c>${VAR}</c> references, store credentials and <c>BACKUPS_TEMP</c> are read from.</summary>
    public required IReadOnlyDictionary<string, string?> Environment { get; init; }

    /// <summary>The clock and timers of the service.</summary>
    public required TimeProvider TimeProvider { get; init; }

    /// <summary>The scheduler's clock when it must differ from <see cref="TimeProvider"/> (tests that move time by hand).</summary>
    internal TimeProvider? SchedulerTimeProvider { get; init; }

    /// <summary>An extra log sink (tests read log events from it).</summary>
    internal ILogEventSink? LogSink { get; init; }

    /// <summary>Extra registrations applied last (tests add <see cref="IJobObserver"/>s).</summary>
    internal Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>Picks the random part of the weekly verification sample.</summary>
    internal Random Random { get; init; } = Random.Shared;
}
