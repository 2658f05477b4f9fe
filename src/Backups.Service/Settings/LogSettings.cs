using Serilog.Events;

namespace Backups.Service.Settings;

/// <summary>The <c>logs</c> section: console output and the rolling JSON files.</summary>
internal sealed record LogSettings
{
    /// <summary>Directory of the daily compact-JSON log files; null for none.</summary>
    public string? Directory { get; init; }

    public LogEventLevel Level { get; init; } = LogEventLevel.Information;

    /// <summary>Write human-readable lines to standard output (journald picks them up under systemd).</summary>
    public bool Console { get; init; } = true;

    /// <summary>How many daily files to keep.</summary>
    public int RetainedFiles { get; init; } = 31;
}
