using Microsoft.Data.Sqlite;

namespace Backups.Sources.Sqlite;

/// <summary>SQLite's errors in the middle of work, for <see cref="DatabaseErrors"/>.</summary>
internal static class SqliteErrors
{
    private const int IoError = 10;          // SQLITE_IOERR
    private const int CannotOpen = 14;       // SQLITE_CANTOPEN

    /// <summary>The database file can no longer be read or written (I/O error, file gone), or null.</summary>
    public static string? LostConnection(Exception error) =>
        Find(error) is { SqliteErrorCode: IoError or CannotOpen } e
            ? $"the database file cannot be accessed any more (SQLite error {e.SqliteErrorCode}: {e.Message})"
            : null;

    public static string? Failure(Exception error) =>
        Find(error) is { } e ? $"SQLite error {e.SqliteErrorCode}: {e.Message}" : null;

    private static SqliteException? Find(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (e is SqliteException sqlite)
            {
                return sqlite;
            }
        }

        return null;
    }
}
