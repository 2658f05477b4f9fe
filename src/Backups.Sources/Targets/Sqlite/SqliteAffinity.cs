namespace Backups.Sources.Targets.Sqlite;

/// <summary>SQLite's type affinity of a column: how it converts values on insert.</summary>
internal enum SqliteAffinity
{
    Text,
    Numeric,
    Integer,
    Real,
    /// <summary>BLOB or no declared type: values are stored as they are given.</summary>
    Blob,
}
