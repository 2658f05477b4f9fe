namespace Backups.Sources.Targets;

/// <summary>What happens to rows already in the table when a load starts.</summary>
public enum LoadMode
{
    /// <summary>Keep them; the snapshot's rows are added.</summary>
    Append,

    /// <summary>
    /// Delete them first, in the same transaction as the load: when the load fails the old rows are
    /// still there (PostgreSQL TRUNCATE, SQLite DELETE, both rolled back).
    /// </summary>
    Replace,
}
