namespace Backups.Domain.Schema;

/// <summary>
/// Which database a snapshot came from, precise enough to refuse restoring over it:
/// the dialect, the server, the database and the server's own identifier (PostgreSQL system
/// identifier, Oracle DBID, SQLite file path).
/// </summary>
/// <param name="Kind">Dialect name: <c>postgres</c>, <c>sqlite</c> or <c>oracle</c>.</param>
/// <param name="Server">host:port, or null for an embedded database.</param>
/// <param name="Database">Database name (SQLite: the full path of the file).</param>
/// <param name="SystemIdentifier">The server's unique identifier where the dialect has one.</param>
/// <param name="ServerVersion">The server's version string.</param>
public sealed record SourceIdentity(
    string Kind,
    string? Server,
    string Database,
    string? SystemIdentifier,
    string? ServerVersion);
