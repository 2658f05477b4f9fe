using Backups.Sources.Targets.Postgres;
using Backups.Sources.Targets.Sqlite;

namespace Backups.Sources.Targets;

/// <summary>Creates the restore target for a configured database.</summary>
public static class TargetFactory
{
    /// <summary>The dialect names <see cref="Create"/> accepts.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["postgres", "postgresql", "sqlite", "oracle"];

    /// <summary>Creates a target.</summary>
    /// <param name="kind"><c>postgres</c> (or <c>postgresql</c>), <c>sqlite</c>; <c>oracle</c> is not available yet.</param>
    /// <param name="connection">
    /// PostgreSQL: an Npgsql connection string or a <c>postgres://user:pass@host:port/db</c> URL; the database must exist.
    /// SQLite: a file path or a <c>Data Source=...</c> connection string; the file is created when missing
    /// (its directory must exist).
    /// </param>
    /// <param name="inspectOnly">
    /// The session will only look (a dry run): nothing may be created by opening it. An SQLite file that does not
    /// exist is then not created (the session sees an empty database); one that exists is opened read-only.
    /// </param>
    public static ITarget Create(string kind, string connection, bool inspectOnly = false)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(connection);
        return kind.Trim().ToLowerInvariant() switch
        {
            "postgres" or "postgresql" => new PgTarget(connection),
            "sqlite" => new SqliteTarget(connection, inspectOnly),
            "oracle" => throw new NotSupportedException(
                "Restoring into Oracle is not available in this build: it needs the Oracle provider loaded at run time. "
                + "Restore into postgres or sqlite instead."),
            _ => throw new ArgumentException($"Unknown target kind '{kind}'. Known kinds: {string.Join(", ", Kinds)}.", nameof(kind)),
        };
    }

    /// <summary>Creates the target and opens a session on it.</summary>
    /// <inheritdoc cref="Create" path="/param"/>
    /// <param name="snapshotSourceKind">The dialect the snapshot was taken from; see <see cref="ITarget.OpenAsync"/>.</param>
    /// <param name="ct">Cancels the connection attempt.</param>
    public static Task<ITargetSession> OpenAsync(string kind, string connection, string snapshotSourceKind, CancellationToken ct) =>
        Create(kind, connection).OpenAsync(snapshotSourceKind, ct);

    /// <summary>Creates the target and opens a session on it; with <paramref name="inspectOnly"/>, one that changes nothing by opening.</summary>
    public static Task<ITargetSession> OpenAsync(string kind, string connection, string snapshotSourceKind, bool inspectOnly, CancellationToken ct) =>
        Create(kind, connection, inspectOnly).OpenAsync(snapshotSourceKind, ct);

    /// <summary>The canonical dialect name: <c>postgres</c>, <c>sqlite</c>, <c>oracle</c>, or the input in lower case.</summary>
    public static string NormalizeKind(string kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var trimmed = kind.Trim().ToLowerInvariant();
        return trimmed == "postgresql" ? "postgres" : trimmed;
    }
}
