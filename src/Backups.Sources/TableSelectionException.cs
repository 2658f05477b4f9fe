namespace Backups.Sources;

/// <summary>The selection does not fit the database: an include pattern matches no table, or an unknown schema.</summary>
public sealed class TableSelectionException : Exception
{
    public TableSelectionException()
    {
    }

    public TableSelectionException(string message)
        : base(message)
    {
    }

    public TableSelectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TableSelectionException(string message, IReadOnlyList<string> unmatchedPatterns, IReadOnlyList<string> availableTables)
        : base(message)
    {
        UnmatchedPatterns = unmatchedPatterns;
        AvailableTables = availableTables;
    }

    /// <summary>Include patterns that matched nothing.</summary>
    public IReadOnlyList<string> UnmatchedPatterns { get; } = [];

    /// <summary>The tables that exist.</summary>
    public IReadOnlyList<string> AvailableTables { get; } = [];
}
