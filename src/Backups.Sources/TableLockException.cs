namespace Backups.Sources;

/// <summary>A selected table could not be locked for the snapshot: another session holds or waits for a conflicting lock.</summary>
public sealed class TableLockException : Exception
{
    public TableLockException()
    {
    }

    public TableLockException(string message)
        : base(message)
    {
    }

    public TableLockException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TableLockException(string table, string message, Exception? innerException)
        : base(message, innerException)
    {
        Table = table;
    }

    /// <summary>Qualified table name.</summary>
    public string? Table { get; }
}
