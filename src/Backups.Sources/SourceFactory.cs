using Backups.Sources.Postgres;
using Backups.Sources.Sqlite;

namespace Backups.Sources;

/// <summary>Creates the source dialect for a configured database.</summary>
public static class SourceFactory
{
    /// <summary>The dialect names <see cref="Create(string, string)"/> accepts.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["postgres", "postgresql", "sqlite", "oracle"];

    /// <summary>Creates a source with default <see cref="SourceOptions"/>.</summary>
    /// <param name="kind"><c>postgres</c> (or <c>postgresql</c>), <c>sqlite</c>; <c>oracle</c> is not available yet.</param>
    /// <param name="connection">
    /// PostgreSQL: an Npgsql connection string (<c>Host=...;Database=...</c>) or a <c>postgres://user:pass@host:port/db</c> URL.
    /// SQLite: a file path or a <c>Data Source=...</c> connection string.
    /// </param>
    public static ISource Create(string kind, string connection) => Create(kind, connection, new SourceOptions());

    /// <inheritdoc cref="Create(string, string)"/>
    public static ISource Create(string kind, string connection, SourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(connection);
        ArgumentNullException.ThrowIfNull(options);
        return kind.Trim().ToLowerInvariant() switch
        {
            "postgres" or "postgresql" => new PostgresSource(connection, options),
            "sqlite" => new SqliteSource(connection),
            "oracle" => throw new NotSupportedException(
                "The Oracle source is not available in this build yet: it needs the Oracle provider loaded at run time. "
                + "Use postgres or sqlite for now."),
            _ => throw new ArgumentException(
                $"Unknown source kind '{kind}'. Known kinds: {string.Join(", ", Kinds)}.", nameof(kind)),
        };
    }
}
