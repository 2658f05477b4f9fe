namespace Backups.Service.Jobs;

/// <summary>How one execution of a job ended.</summary>
internal enum RunResult
{
    Succeeded,
    Skipped,
    Failed,

    /// <summary>Interrupted by the service shutting down: neither a success nor a failure.</summary>
    Cancelled,
}
