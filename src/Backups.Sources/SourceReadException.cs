namespace Backups.Sources;

/// <summary>
/// The database raised an error while a table's rows were being read (other than a lost connection, which is a
/// <see cref="SourceUnavailableException"/>): the snapshot fails and nothing of it becomes visible.
/// </summary>
public sealed class SourceReadException : Exception
{
    public SourceReadException()
    {
    }

    public SourceReadException(string message)
        : base(message)
    {
    }

    public SourceReadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SourceReadException(string table, string message, Exception innerException)
        : base(message, innerException)
    {
        Table = table;
    }

    /// <summary>Qualified name of the table being read.</summary>
    public string? Table { get; }
}
