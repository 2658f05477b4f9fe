namespace Backups.Operations.Restore;

/// <summary>A change a restore makes to the target.</summary>
public enum RestoreActionKind
{
    /// <summary>CREATE TABLE from the snapshot's schema (columns, NOT NULL, primary key, unique constraints).</summary>
    CreateTable,

    /// <summary>Empty the table and load the snapshot's rows, in one transaction.</summary>
    TruncateAndLoad,

    /// <summary>Load the snapshot's rows in one transaction, keeping what the table holds.</summary>
    Load,
}
