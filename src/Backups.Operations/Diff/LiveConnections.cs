using Microsoft.Data.Sqlite;
using Npgsql;

namespace Backups.Operations.Diff;

/// <summary>
/// Connection settings for the few statements a diff runs itself on a live database (the <c>--where</c> key query),
/// from the same forms the sources accept: Npgsql keywords or a <c>postgres://</c> URL; an SQLite path or
/// <c>Data Source=</c> string.
/// </summary>
internal static class LiveConnections
{
    public static NpgsqlConnectionStringBuilder Postgres(string connection)
    {
        var trimmed = connection.Trim();
        if (!trimmed.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) && !trimmed.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return new NpgsqlConnectionStringBuilder(trimmed) { ApplicationName = "backups diff", Enlist = false };
        }

        var uri = new Uri(trimmed);
        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host, ApplicationName = "backups diff", Enlist = false };
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
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]).ToLowerInvariant() switch
            {
                "sslmode" => "SSL Mode",
                "user" => "Username",
                "dbname" => "Database",
                "connect_timeout" => "Timeout",
                var other => other,
            };
            builder[key] = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
        }

        return builder;
    }

    public static string SqliteReadOnly(string connection)
    {
        var trimmed = connection.Trim();
        var builder = trimmed.Contains('=', StringComparison.Ordinal)
            ? new SqliteConnectionStringBuilder(trimmed)
            : new SqliteConnectionStringBuilder { DataSource = trimmed };
        builder.Mode = SqliteOpenMode.ReadOnly;
        builder.Pooling = false;
        return builder.ConnectionString;
    }
}
