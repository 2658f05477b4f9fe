using System.Net;
using System.Text.RegularExpressions;

namespace Backups.Policies.Validation;

/// <summary>
/// Checks a store location: <c>s3://bucket[/prefix]</c> (S3 bucket naming rules), <c>file:///absolute/path</c>,
/// or a plain path (relative paths resolve against the current directory).
/// </summary>
internal static partial class StoreUrlRules
{
    private const string Forms = "use s3://bucket/prefix, file:///absolute/path or a plain path";

    /// <summary>The first problem with <paramref name="store"/>, or null. With unresolved <c>${VAR}</c> references only the form is checked.</summary>
    public static string? Check(string store, bool hasUnresolvedReferences)
    {
        if (store.Trim().Length == 0)
        {
            return $"store is empty ({Forms})";
        }
        if (store != store.Trim())
        {
            return "store has leading or trailing spaces";
        }
        var scheme = Scheme().Match(store);
        if (!scheme.Success)
        {
            if (AlmostScheme().Match(store) is { Success: true } almost)
            {
                return $"'{almost.Value}' is not a store scheme: write {almost.Groups["scheme"].Value.ToLowerInvariant()}:// with two slashes";
            }
            // Like the store adapters, a path may not begin with "name:" (it would read as a URL scheme).
            return SchemeLike().Match(store) is { Success: true } schemeLike
                ? $"unknown store scheme '{schemeLike.Value}' ({Forms})"
                : null;
        }
        var name = scheme.Groups["scheme"].Value;
        var rest = store[scheme.Length..];
        switch (name.ToLowerInvariant())
        {
            case "s3" when name != "s3":
            case "file" when name != "file":
                return $"write the store scheme in lower case: '{name.ToLowerInvariant()}://'";
            case "s3":
                return CheckS3(rest, hasUnresolvedReferences);
            case "file" when hasUnresolvedReferences && rest.StartsWith("${", StringComparison.Ordinal):
                return null;
            case "file" when rest.IndexOfAny(['?', '#']) >= 0:
                return "file URLs cannot have a query or fragment ('?' or '#')";
            case "file":
                return rest.StartsWith('/')
                    ? (rest.Length > 1 ? null : "file:/// names the root directory; give a directory for the store")
                    : $"file URLs need an absolute path with three slashes, e.g. file:///var/lib/backups (a host such as file://{rest.Split('/')[0]}/ is not supported)";
            default:
                return $"unknown store scheme '{name}://' ({Forms})";
        }
    }

    private static string? CheckS3(string rest, bool hasUnresolvedReferences)
    {
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? rest : rest[..slash];
        var prefix = slash < 0 ? "" : rest[(slash + 1)..];
        if (bucket.Length == 0)
        {
            return "s3 store has no bucket (write s3://bucket/prefix)";
        }
        if (hasUnresolvedReferences)
        {
            return null;
        }
        if (BucketError(bucket) is { } bucketError)
        {
            return $"bad S3 bucket name '{bucket}': {bucketError}";
        }
        var segments = prefix.TrimEnd('/').Split('/');
        if (prefix.Length > 0 && segments.Any(s => s.Length == 0))
        {
            return $"S3 prefix '{prefix}' has an empty path segment ('//')";
        }
        if (segments.Any(s => s is "." or ".."))
        {
            return $"S3 prefix '{prefix}' has a '.' or '..' segment";
        }
        if (prefix.Any(c => char.IsControl(c) || c is '\\' or '{' or '}' or '^' or '%' or '`' or '[' or ']' or '"' or '<' or '>' or '~' or '#' or '|' or '?'))
        {
            return $"S3 prefix '{prefix}' has characters that need special handling in object keys (use letters, digits and !-_.*'()/ )";
        }
        return null;
    }

    /// <summary>The S3 general purpose bucket naming rules.</summary>
    private static string? BucketError(string bucket)
    {
        if (bucket.Length is < 3 or > 63)
        {
            return "must be 3 to 63 characters long";
        }
        if (!bucket.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-'))
        {
            return "use only lowercase letters, digits, '.' and '-'";
        }
        if (!char.IsAsciiLetterOrDigit(bucket[0]) || !char.IsAsciiLetterOrDigit(bucket[^1]))
        {
            return "must begin and end with a letter or digit";
        }
        if (bucket.Contains("..", StringComparison.Ordinal) || bucket.Contains(".-", StringComparison.Ordinal) || bucket.Contains("-.", StringComparison.Ordinal))
        {
            return "no two periods in a row, and no period next to a hyphen";
        }
        if (bucket.Count(c => c == '.') == 3 && IPAddress.TryParse(bucket, out _))
        {
            return "must not look like an IP address";
        }
        if (bucket.StartsWith("xn--", StringComparison.Ordinal) || bucket.StartsWith("sthree-", StringComparison.Ordinal))
        {
            return "must not begin with 'xn--' or 'sthree-'";
        }
        foreach (var suffix in (string[])["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"])
        {
            if (bucket.EndsWith(suffix, StringComparison.Ordinal))
            {
                return $"must not end with '{suffix}' (reserved by S3)";
            }
        }
        return null;
    }

    [GeneratedRegex(@"^(?<scheme>[A-Za-z][A-Za-z0-9+.\-]*)://")]
    private static partial Regex Scheme();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]*:")]
    private static partial Regex SchemeLike();

    [GeneratedRegex(@"^(?<scheme>s3|file):/{0,1}(?!/)", RegexOptions.IgnoreCase)]
    private static partial Regex AlmostScheme();
}
