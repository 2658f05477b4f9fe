namespace Backups.Operations.Restore;

/// <summary>The rows read or loaded for a table are not as many as the manifest records.</summary>
internal sealed class RowCountMismatchException(string message, string? table = null) : Exception(message)
{
    /// <summary>The snapshot table concerned, when one is.</summary>
    public string? Table { get; } = table;
}
