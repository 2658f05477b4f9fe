namespace Backups.Domain.Policies;

/// <summary>The names of source kinds as they appear in policy files (<c>postgresql</c> is accepted for <c>postgres</c>).</summary>
public static class SourceKindNames
{
    public static IReadOnlyList<string> All { get; } = ["postgres", "sqlite", "oracle"];

    public static string Name(this SourceKind kind) => kind switch
    {
        SourceKind.Postgres => "postgres",
        SourceKind.Sqlite => "sqlite",
        SourceKind.Oracle => "oracle",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool TryParse(string text, out SourceKind kind)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "postgres":
            case "postgresql":
                kind = SourceKind.Postgres;
                return true;
            case "sqlite":
                kind = SourceKind.Sqlite;
                return true;
            case "oracle":
                kind = SourceKind.Oracle;
                return true;
            default:
                kind = default;
                return false;
        }
    }
}
