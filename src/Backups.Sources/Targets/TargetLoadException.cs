namespace Backups.Sources.Targets;

/// <summary>
/// Loading a table failed: the target refused a row (constraint, value out of range) or a value cannot be
/// stored exactly in the target. The load's transaction was rolled back, so the table is as it was.
/// </summary>
public sealed class TargetLoadException : Exception
{
    public TargetLoadException()
    {
    }

    public TargetLoadException(string message)
        : base(message)
    {
    }

    public TargetLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TargetLoadException(string table, string? column, long? row, string problem, Exception? innerException = null)
        : base(Describe(table, column, row, problem), innerException)
    {
        Table = table;
        Column = column;
        Row = row;
    }

    /// <summary>Qualified name of the table in the target.</summary>
    public string? Table { get; }

    /// <summary>The column, when known.</summary>
    public string? Column { get; }

    /// <summary>1-based position of the row in the loaded stream, when known.</summary>
    public long? Row { get; }

    private static string Describe(string table, string? column, long? row, string problem)
    {
        var where = column is null ? "" : $", column {column}";
        where += row is { } r ? $", row {r.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : "";
        return $"Loading table {table}{where} failed: {problem} The table is unchanged.";
    }
}
