namespace Backups.Operations.Restore;

/// <summary>What a restore does with tables that already exist in the target (missing tables are always created).</summary>
public enum RestoreMode
{
    /// <summary>Refuse when any table to restore already exists (the default: a restore never touches existing data unasked).</summary>
    Create,

    /// <summary>Empty existing tables first, in the same transaction as their load (a failed load leaves the old rows).</summary>
    Truncate,

    /// <summary>Add the snapshot's rows to what existing tables hold.</summary>
    Append,
}
