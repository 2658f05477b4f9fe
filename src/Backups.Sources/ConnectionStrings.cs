using System.Text.RegularExpressions;

namespace Backups.Sources;

/// <summary>Helpers for connection strings that end up in messages and logs.</summary>
public static partial class ConnectionStrings
{
    /// <summary>What replaces a secret.</summary>
    public const string Mask = "***";

    /// <summary>
    /// Hides every secret in a connection string so that it can be shown: the value of any keyword
    /// containing <c>password</c> or named <c>pwd</c> in <c>Key=Value;</c> (ADO.NET, Npgsql) and
    /// <c>key=value key=value</c> (libpq) forms, the password of a URL
    /// (<c>postgres://user:secret@host/db</c>, also <c>?password=</c>), and the password of an Oracle
    /// <c>user/secret@host</c> connect string. Everything else is kept as written.
    /// </summary>
    public static string Redact(string connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var trimmed = connection.Trim();
        if (UrlScheme().IsMatch(trimmed))
        {
            return RedactUrl(connection);
        }

        if (OracleConnect().Match(trimmed) is { Success: true } oracle)
        {
            return $"{oracle.Groups["user"].Value}/{Mask}@{oracle.Groups["rest"].Value}";
        }

        return connection.Contains(';', StringComparison.Ordinal) || !HasWhitespaceSeparatedPairs(connection)
            ? SemicolonSecret().Replace(connection, m => $"{m.Groups["key"].Value}={Mask}")
            : SpaceSecret().Replace(connection, m => $"{m.Groups["key"].Value}={Mask}");
    }

    private static bool HasWhitespaceSeparatedPairs(string connection) =>
        SpacePair().Matches(connection).Count > 1;

    private static string RedactUrl(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal) + 3;
        var queryStart = url.IndexOf('?', schemeEnd);
        var beforeQuery = queryStart < 0 ? url.Length : queryStart;
        var at = url.LastIndexOf('@', beforeQuery - 1, beforeQuery - schemeEnd);
        var result = url;
        if (at > schemeEnd)
        {
            var userInfo = url[schemeEnd..at];
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            if (colon >= 0)
            {
                result = url[..schemeEnd] + userInfo[..colon] + ":" + Mask + url[at..];
            }
        }

        return UrlQuerySecret().Replace(result, m => $"{m.Groups["key"].Value}={Mask}");
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]*://")]
    private static partial Regex UrlScheme();

    // Oracle connect string: user/password@connect-identifier (no '=' or ';' in the user part).
    [GeneratedRegex(@"^(?<user>[^/\s@;=""']+)/(?<pass>.*)@(?<rest>[^@]*)$", RegexOptions.Singleline)]
    private static partial Regex OracleConnect();

    // Key=Value; form: the value is quoted ('...' or "...", quotes doubled inside) or runs to the next ';'.
    [GeneratedRegex(@"(?<key>(?<=^|;)\s*[^=;]*?(?:password|pwd)[^=;]*?\s*)=(?:\s*'(?:[^']|'')*'|\s*""(?:[^""]|"""")*""|[^;]*)", RegexOptions.IgnoreCase)]
    private static partial Regex SemicolonSecret();

    // libpq form: key=value pairs separated by whitespace; values may be single-quoted with backslash escapes.
    [GeneratedRegex(@"(?<key>(?<=^|\s)[^=\s]*(?:password|pwd)[^=\s]*)\s*=\s*(?:'(?:[^'\\]|\\.)*'|[^\s]*)", RegexOptions.IgnoreCase)]
    private static partial Regex SpaceSecret();

    [GeneratedRegex(@"(?<=^|\s)[^=\s]+\s*=")]
    private static partial Regex SpacePair();

    [GeneratedRegex(@"(?<key>(?<=[?&])[^=&]*(?:password|pwd)[^=&]*)=[^&#]*", RegexOptions.IgnoreCase)]
    private static partial Regex UrlQuerySecret();
}
