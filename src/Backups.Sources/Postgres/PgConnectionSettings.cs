using System.Globalization;
using Npgsql;

namespace Backups.Sources.Postgres;

/// <summary>
/// Turns what the user configured (an Npgsql keyword string or a <c>postgres://</c> URL) into Npgsql
/// settings, and describes the target for messages without its password.
/// </summary>
internal static class PgConnectionSettings
{
    public static NpgsqlConnectionStringBuilder Parse(string connection)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connection);
        var trimmed = connection.Trim();
        try
        {
            var builder = trimmed.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
                || trimmed.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
                ? FromUrl(trimmed)
                : new NpgsqlConnectionStringBuilder(trimmed);
            if (string.IsNullOrEmpty(builder.ApplicationName))
            {
                builder.ApplicationName = "backups";
            }

            builder.Enlist = false;
            return builder;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new ArgumentException(
                $"Invalid PostgreSQL connection string {ConnectionStrings.Redact(connection)}: {e.Message}", nameof(connection));
        }
    }

    public static string Server(NpgsqlConnectionStringBuilder builder) =>
        $"{builder.Host}:{builder.Port.ToString(CultureInfo.InvariantCulture)}";

    public static string Describe(NpgsqlConnectionStringBuilder builder) =>
        $"PostgreSQL at {Server(builder)}, database '{builder.Database ?? builder.Username}', user '{builder.Username}'";

    private static NpgsqlConnectionStringBuilder FromUrl(string url)
    {
        var uri = new Uri(url);
        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host };
        if (uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
            }
        }

        var database = uri.AbsolutePath.TrimStart('/');
        if (database.Length > 0)
        {
            builder.Database = Uri.UnescapeDataString(database);
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
            builder[UrlKeyword(key)] = value;
        }

        return builder;
    }

    private static string UrlKeyword(string key) => key.ToLowerInvariant() switch
    {
        "sslmode" => "SSL Mode",
        "application_name" => "Application Name",
        "connect_timeout" => "Timeout",
        "user" => "Username",
        "password" => "Password",
        "dbname" => "Database",
        "options" => "Options",
        _ => key,
    };
}
