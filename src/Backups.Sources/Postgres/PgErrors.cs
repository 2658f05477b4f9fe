using System.Net.Sockets;
using Npgsql;

namespace Backups.Sources.Postgres;

/// <summary>
/// Turns failures to connect into <see cref="SourceUnavailableException"/> with a specific, password-free message,
/// and classifies errors raised later on an open connection (<see cref="DatabaseErrors"/>).
/// </summary>
internal static class PgErrors
{
    public static async Task<NpgsqlConnection> OpenAsync(NpgsqlDataSource dataSource, NpgsqlConnectionStringBuilder settings, CancellationToken ct)
    {
        try
        {
            return await dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException && !ct.IsCancellationRequested)
        {
            throw Unavailable(e, settings);
        }
    }

    public static SourceUnavailableException Unavailable(Exception error, NpgsqlConnectionStringBuilder settings)
    {
        var target = PgConnectionSettings.Describe(settings);
        var server = PgConnectionSettings.Server(settings);
        var message = error switch
        {
            PostgresException { SqlState: "28P01" } pg =>
                $"{server} refused the login of user '{settings.Username}': wrong password or user ({pg.MessageText}).",
            PostgresException { SqlState: "28000" } pg =>
                $"{server} refused the login of user '{settings.Username}' ({pg.MessageText}).",
            PostgresException { SqlState: "3D000" } =>
                $"Database '{settings.Database}' does not exist on {server}.",
            PostgresException { SqlState: "53300" } =>
                $"{server} has no free connection slots (too many connections).",
            PostgresException { SqlState: "57P03" } pg =>
                $"{server} is not accepting connections yet ({pg.MessageText}).",
            PostgresException pg =>
                $"{target}: the server refused the connection ({pg.SqlState}: {pg.MessageText}).",
            _ when Find<SocketException>(error) is { } socket =>
                $"Cannot reach {server}: {socket.Message} ({socket.SocketErrorCode}).",
            _ when Find<TimeoutException>(error) is not null =>
                $"Timed out connecting to {server}.",
            _ => $"Cannot connect to {target}: {error.Message}",
        };
        return new SourceUnavailableException(Scrub(message, settings.Password), error);
    }

    /// <summary>
    /// Why the connection is gone, or null: the server ended the session (a terminated backend, a shutdown: SQLSTATE
    /// class 08 and 57P01-57P03) or the network dropped under Npgsql (an I/O error, the stream ended).
    /// </summary>
    public static string? LostConnection(Exception error)
    {
        if (Find<PostgresException>(error) is { } pg)
        {
            return pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState is "57P01" or "57P02" or "57P03"
                ? $"the server ended the connection ({pg.SqlState}: {pg.MessageText})"
                : null;
        }

        if (Find<NpgsqlException>(error) is { } npgsql)
        {
            return Find<SocketException>(npgsql) is { } socket ? $"the network connection was lost ({socket.SocketErrorCode}: {socket.Message})"
                : Find<EndOfStreamException>(npgsql) is not null ? $"the server closed the connection ({npgsql.Message})"
                : Find<IOException>(npgsql) is { } io ? $"the network connection was lost ({io.Message})"
                : Find<TimeoutException>(npgsql) is not null ? $"the server stopped answering ({npgsql.Message})"
                : null;
        }

        return null;
    }

    /// <summary>The server's error (SQLSTATE and message), or Npgsql's description of a failure, or null.</summary>
    public static string? Failure(Exception error) =>
        Find<PostgresException>(error) is { } pg ? $"{pg.SqlState}: {pg.MessageText}"
        : Find<NpgsqlException>(error) is { } npgsql ? npgsql.Message
        : null;

    private static string Scrub(string message, string? password) =>
        string.IsNullOrEmpty(password) ? message : message.Replace(password, ConnectionStrings.Mask, StringComparison.Ordinal);

    private static T? Find<T>(Exception error)
        where T : Exception
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (e is T found)
            {
                return found;
            }
        }

        return null;
    }
}
