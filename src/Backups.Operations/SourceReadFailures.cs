using Backups.Domain.Schema;
using Backups.Sources;

namespace Backups.Operations;

/// <summary>
/// Names what was being read when a source's driver fails in the middle of a table: a lost connection becomes a
/// <see cref="SourceUnavailableException"/>, another database error a <see cref="SourceReadException"/>, each naming
/// the table, the server and the connection (redacted). Errors that already say what happened pass through.
/// </summary>
internal static class SourceReadFailures
{
    /// <summary><c>postgres 127.0.0.1:5432/vacols (Host=...;Password=***)</c>: enough to find the server, never a secret.</summary>
    public static string Describe(SourceIdentity identity, string connection)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var where = identity.Server is { Length: > 0 } server ? $"{server}/{identity.Database}" : identity.Database;
        return $"{identity.Kind} {where} ({ConnectionStrings.Redact(connection)})";
    }

    /// <summary>The exception to throw instead of <paramref name="error"/>, or null to let it pass unchanged.</summary>
    public static Exception? Map(Exception error, string table, string source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        if ((error is OperationCanceledException && cancellationToken.IsCancellationRequested)
            || error is SourceUnavailableException or SourceReadException or SourceValueException or TableVanishedException
                or TableLockException or UnsupportedColumnTypeException)
        {
            return null;
        }

        if (DatabaseErrors.LostConnection(error) is { } lost)
        {
            return new SourceUnavailableException($"lost the connection to {source} while reading table {table}: {lost}", error);
        }

        return DatabaseErrors.Failure(error) is { } failure
            ? new SourceReadException(table, $"reading table {table} from {source} failed: {failure}", error)
            : null;
    }
}
