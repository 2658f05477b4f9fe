namespace Backups.Sources;

/// <summary>
/// A stored value cannot be represented exactly in its column's kind (e.g. text in an SQLite INTEGER
/// column, an infinite PostgreSQL timestamp). Nothing is altered silently: the snapshot fails.
/// </summary>
public sealed class SourceValueException : Exception
{
    public SourceValueException()
    {
    }

    public SourceValueException(string message)
        : base(message)
    {
    }

    public SourceValueException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SourceValueException(string table, string column, string row, string problem)
        : base($"Table {table}, column {column}, row {row}: {problem}")
    {
        Table = table;
        Column = column;
        Row = row;
    }

    /// <summary>Qualified table name.</summary>
    public string? Table { get; }

    /// <summary>Column name.</summary>
    public string? Column { get; }

    /// <summary>Where the row is: primary key values or rowid.</summary>
    public string? Row { get; }
}
