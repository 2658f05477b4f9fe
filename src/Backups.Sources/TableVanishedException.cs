namespace Backups.Sources;

/// <summary>A selected table was dropped (or renamed) after the snapshot started and before it could be locked.</summary>
public sealed class TableVanishedException : Exception
{
    public TableVanishedException()
    {
    }

    public TableVanishedException(string message)
        : base(message)
    {
    }

    public TableVanishedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TableVanishedException(string table, string reason, Exception? innerException)
        : base($"Table {table} {reason} while the snapshot started; run the snapshot again.", innerException)
    {
        Table = table;
    }

    /// <summary>Qualified table name.</summary>
    public string? Table { get; }
}
