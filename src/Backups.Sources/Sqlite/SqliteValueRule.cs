namespace Backups.Sources.Sqlite;

/// <summary>Which stored values (SQLite storage classes) a column accepts and what they become.</summary>
internal enum SqliteValueRule
{
    /// <summary>INTEGER affinity: integer values only → <see cref="long"/>.</summary>
    Integer,
    /// <summary>REAL affinity: real values (and integers that are exactly representable) → <see cref="double"/>.</summary>
    Real,
    /// <summary>TEXT affinity: text only → <see cref="string"/>.</summary>
    Text,
    /// <summary>Declared BLOB: blobs only → <see cref="byte"/>[].</summary>
    Blob,
    /// <summary>BOOLEAN: integers 0 and 1 only → <see cref="bool"/>.</summary>
    Boolean,
    /// <summary>NUMERIC/DECIMAL: integer, real or numeric text → exact decimal text.</summary>
    Decimal,
    /// <summary>DATE, DATETIME, TIME, TIMESTAMP: the stored text, unchanged.</summary>
    DateText,
}
