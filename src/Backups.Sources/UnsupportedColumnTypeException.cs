namespace Backups.Sources;

/// <summary>A selected table has a column whose type this source cannot read and restore exactly.</summary>
public sealed class UnsupportedColumnTypeException : Exception
{
    public UnsupportedColumnTypeException()
    {
    }

    public UnsupportedColumnTypeException(string message)
        : base(message)
    {
    }

    public UnsupportedColumnTypeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public UnsupportedColumnTypeException(string table, string column, string sourceType, string reason)
        : base($"Table {table}, column {column}: type {sourceType} is not supported ({reason}). Exclude the table or change the column type.")
    {
        Table = table;
        Column = column;
        SourceType = sourceType;
    }

    /// <summary>Qualified table name.</summary>
    public string? Table { get; }

    /// <summary>Column name.</summary>
    public string? Column { get; }

    /// <summary>The native type as the source spells it.</summary>
    public string? SourceType { get; }
}
