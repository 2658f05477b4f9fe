namespace Backups.Service.Health;

/// <summary>Whether a policy's newest snapshot is recent enough for its schedule.</summary>
internal enum RpoStatus
{
    /// <summary>The newest complete snapshot is within the allowed age.</summary>
    Ok,

    /// <summary>No snapshot yet, but the service has not been up for the allowed age either.</summary>
    Pending,

    /// <summary>The newest complete snapshot (or, with none, the service's start) is older than allowed: unhealthy.</summary>
    Stale,

    /// <summary>The schedule fires too rarely to have an interval; not checked.</summary>
    Unchecked,
}
