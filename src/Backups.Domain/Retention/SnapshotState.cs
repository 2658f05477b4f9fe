namespace Backups.Domain.Retention;

/// <summary>Whether a snapshot's manifest was committed. Only complete snapshots take part in retention.</summary>
public enum SnapshotState
{
    Complete,
    Incomplete,
}
