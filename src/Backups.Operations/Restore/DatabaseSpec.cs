namespace Backups.Operations.Restore;

/// <summary>A database named on the command line as <c>KIND:CONNECTION</c> (<c>postgres:Host=...;Database=spare</c>, <c>sqlite:/tmp/x.db</c>).</summary>
/// <param name="Kind">The dialect, normalized: <c>postgres</c> or <c>sqlite</c>.</param>
/// <param name="Connection">The connection string as given.</param>
public sealed record DatabaseSpec(string Kind, string Connection)
{
    private static readonly string[] Kinds = ["postgres", "postgresql", "sqlite"];

    /// <summary>Parses <paramref name="text"/>; <see cref="OperationInputException"/> naming <paramref name="option"/> when malformed.</summary>
    public static DatabaseSpec Parse(string text, string option)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var kind = colon > 0 ? text[..colon].Trim().ToLowerInvariant() : "";
        var connection = colon > 0 ? text[(colon + 1)..].Trim() : "";
        if (!Kinds.Contains(kind) || connection.Length == 0)
        {
            throw new OperationInputException(
                $"{option}: expected KIND:CONNECTION with KIND postgres or sqlite (e.g. postgres:Host=db;Database=spare or sqlite:/var/tmp/spare.db)");
        }

        return new DatabaseSpec(kind == "postgresql" ? "postgres" : kind, connection);
    }
}
