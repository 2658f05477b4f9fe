namespace Backups.Sources.Targets;

/// <summary>
/// A snapshot table cannot be created in, or loaded into, the target: the existing table does not match,
/// a type has no equivalent in the target dialect, or a type the table needs does not exist there.
/// Every problem is listed at once.
/// </summary>
public sealed class TargetSchemaException : Exception
{
    public TargetSchemaException()
    {
    }

    public TargetSchemaException(string message)
        : base(message)
    {
    }

    public TargetSchemaException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TargetSchemaException(string table, IReadOnlyList<string> problems)
        : base($"Table {table} cannot be restored into the target: {string.Join("; ", problems ?? [])}.")
    {
        Table = table;
        Problems = problems ?? [];
    }

    /// <summary>Qualified name of the table in the target.</summary>
    public string? Table { get; }

    /// <summary>Each problem as a sentence naming the column and the types involved.</summary>
    public IReadOnlyList<string> Problems { get; } = [];
}
