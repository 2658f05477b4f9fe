namespace Backups.Service.Settings;

/// <summary>
/// The service's settings file (docs/service.md), validated: every value here is usable as it is.
/// Paths are absolute (relative ones in the file resolve against the file's directory).
/// </summary>
internal sealed record ServiceSettings
{
    /// <summary>The directory of policy files; null when neither the file nor the command line names one.</summary>
    public string? PoliciesDirectory { get; init; }

    /// <summary>The catalog file; null for the command line's default.</summary>
    public string? CatalogPath { get; init; }

    public HttpListen Listen { get; init; } = HttpListen.Default;

    public SchedulerSettings Scheduler { get; init; } = new();

    public LogSettings Logs { get; init; } = new();

    public RpoSettings Rpo { get; init; } = new();

    public MaintenanceSettings Maintenance { get; init; } = new();
}
