using Backups.Sources.Postgres;
using Backups.Sources.Sqlite;

namespace Backups.Sources;

/// <summary>
/// Classifies errors that a database driver raises in the middle of work (reading rows, loading a table), so that
/// callers can name what was being done and choose an exit code: a connection that is gone, or another database
/// error. The descriptions never contain a password.
/// </summary>
public static class DatabaseErrors
{
    /// <summary>
    /// Why the connection is gone, when <paramref name="error"/> (or one of its causes) says it is: the server ended
    /// the session (terminated backend, shutdown), the network dropped, the database file became unreadable.
    /// Null for any other error.
    /// </summary>
    public static string? LostConnection(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return PgErrors.LostConnection(error) ?? SqliteErrors.LostConnection(error);
    }

    /// <summary>The database's own description of an error it raised (code and message), or null when the error is not the database's.</summary>
    public static string? Failure(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return PgErrors.Failure(error) ?? SqliteErrors.Failure(error);
    }
}
