using System.Text.RegularExpressions;
using Backups.Domain.Policies;

namespace Backups.Policies.Validation;

/// <summary>
/// Finds passwords written literally in a connection string. A password must come from the environment:
/// <c>Password=${PG_PASSWORD}</c>, or the whole connection as <c>${VACOLS_CONNECTION}</c>.
/// Recognised forms: <c>key=value</c> pairs whose key is a password (<c>Password</c>, <c>Pwd</c>,
/// <c>Proxy Password</c>, <c>SSL Password</c>...), libpq's space-separated <c>password=...</c>, URLs
/// with <c>user:password@</c> or a <c>password=</c> parameter, and Oracle's <c>user/password@host</c> login.
/// </summary>
internal static partial class ConnectionSecrets
{
    public static LiteralPassword? Find(string connection, SourceKind? kind)
    {
        var url = UrlLogin().Match(connection);
        if (url.Success && IsLiteral(url.Groups["pass"].Value))
        {
            return new LiteralPassword(url.Groups["pass"].Index, "a password in the URL (user:password@host)");
        }
        if (kind is null or SourceKind.Oracle)
        {
            var login = OracleLogin().Match(connection);
            if (login.Success && IsLiteral(login.Groups["pass"].Value))
            {
                return new LiteralPassword(login.Groups["pass"].Index, "an Oracle user/password@host login");
            }
        }
        if (url.Success || UrlScheme().IsMatch(connection))
        {
            foreach (Match parameter in UrlQueryParameter().Matches(connection))
            {
                if (IsPasswordKey(parameter.Groups["key"].Value) && IsLiteral(parameter.Groups["value"].Value))
                {
                    return new LiteralPassword(parameter.Groups["key"].Index, $"URL parameter '{parameter.Groups["key"].Value}'");
                }
            }
            return null;
        }
        var pairs = !connection.Contains(';', StringComparison.Ordinal) && SpacePair().Matches(connection).Count > 1
            ? SpacePairs(connection)
            : Pairs(connection);
        foreach (var (keyIndex, key, value) in pairs)
        {
            if (IsPasswordKey(key) && IsLiteral(Unquote(value)))
            {
                return new LiteralPassword(keyIndex, $"key '{key.Trim()}'");
            }
        }
        return null;
    }

    private static bool IsPasswordKey(string key)
    {
        var normalized = new string([.. key.Where(c => c is not (' ' or '_' or '-')).Select(char.ToLowerInvariant)]);
        return normalized.EndsWith("password", StringComparison.Ordinal) || normalized == "pwd";
    }

    /// <summary>libpq's <c>key=value key=value</c> form; values may be single-quoted.</summary>
    private static IEnumerable<(int KeyIndex, string Key, string Value)> SpacePairs(string s) =>
        SpacePair().Matches(s).Select(m => (m.Groups["key"].Index, m.Groups["key"].Value, m.Groups["value"].Value));

    private static bool IsLiteral(string value) => EnvReferences.WithoutReferences(value).Trim().Length > 0;

    private static string Unquote(string value)
    {
        var v = value.Trim();
        return v.Length >= 2 && (v[0] is '\'' or '"') && v[^1] == v[0] ? v[1..^1] : v;
    }

    /// <summary>The <c>key=value</c> pairs of an ADO.NET-style connection string; quoted values may hold ';'.</summary>
    private static IEnumerable<(int KeyIndex, string Key, string Value)> Pairs(string s)
    {
        var i = 0;
        while (i < s.Length)
        {
            var start = i;
            var eq = -1;
            while (i < s.Length && s[i] != ';')
            {
                if (s[i] == '=' && eq < 0)
                {
                    eq = i;
                    i++;
                    while (i < s.Length && s[i] == ' ')
                    {
                        i++;
                    }
                    if (i < s.Length && s[i] is '\'' or '"')
                    {
                        var quote = s[i++];
                        while (i < s.Length && !(s[i] == quote && (i + 1 >= s.Length || s[i + 1] != quote)))
                        {
                            i += s[i] == quote ? 2 : 1;
                        }
                        i++;
                    }
                    continue;
                }
                i++;
            }
            if (eq >= 0)
            {
                var end = Math.Min(i, s.Length);
                var key = s[start..eq];
                var keyIndex = start + (key.Length - key.TrimStart().Length);
                yield return (keyIndex, key, s[(eq + 1)..end]);
            }
            i++;
        }
    }

    [GeneratedRegex(@"^\s*[A-Za-z][A-Za-z0-9+.\-]*://[^:@/\s]*:(?<pass>[^@/]*)@")]
    private static partial Regex UrlLogin();

    [GeneratedRegex(@"^\s*[^\s/@=;:""']+/(?<pass>[^@]*)@")]
    private static partial Regex OracleLogin();

    [GeneratedRegex(@"^\s*[A-Za-z][A-Za-z0-9+.\-]*://")]
    private static partial Regex UrlScheme();

    [GeneratedRegex(@"[?&](?<key>[^=&#]*)=(?<value>[^&#]*)")]
    private static partial Regex UrlQueryParameter();

    [GeneratedRegex(@"(?<=^|\s)(?<key>[^=\s]+)\s*=\s*(?<value>'(?:[^'\\]|\\.)*'|\S*)")]
    private static partial Regex SpacePair();
}
