namespace Backups.Service.Restores;

/// <summary>Where a restore request is.</summary>
internal enum RestoreState
{
    /// <summary>Waiting for the requests before it on the same target.</summary>
    Queued,

    Running,

    /// <summary>Done: every table restored with the manifest's row count (or, for a dry run, checked).</summary>
    Succeeded,

    /// <summary>A table could not be restored, or the snapshot or target could not be used.</summary>
    Failed,

    /// <summary>A guard refused it before anything changed (restoring into the source, a table that exists).</summary>
    Refused,

    /// <summary>The service stopped before it finished.</summary>
    Cancelled,
}
