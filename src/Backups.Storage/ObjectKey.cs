namespace Backups.Storage;

/// <summary>Validation of object keys and list prefixes shared by every store.</summary>
internal static class ObjectKey
{
    /// <summary>
    /// Checks a key: '/'-separated, relative, no empty, "." or ".." segments, no backslashes or NUL characters.
    /// Returns the key unchanged so it can be used inline.
    /// </summary>
    public static string Validate(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var problem = Problem(key, allowPartial: false);
        return problem is null ? key : throw new ArgumentException($"invalid object key '{key}': {problem}", nameof(key));
    }

    /// <summary>
    /// Checks a list prefix: empty, or a key-like string whose last segment may be partial or empty
    /// (e.g. "snapshots/" or "snapshots/2024-").
    /// </summary>
    public static string ValidatePrefix(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Length == 0)
        {
            return prefix;
        }

        var problem = Problem(prefix, allowPartial: true);
        return problem is null ? prefix : throw new ArgumentException($"invalid list prefix '{prefix}': {problem}", nameof(prefix));
    }

    private static string? Problem(string key, bool allowPartial)
    {
        if (key.Length == 0)
        {
            return "it is empty";
        }

        if (key[0] == '/')
        {
            return "it must be relative (no leading '/')";
        }

        if (key.Contains('\\', StringComparison.Ordinal))
        {
            return "backslashes are not allowed; use '/'";
        }

        if (key.Contains('\0', StringComparison.Ordinal))
        {
            return "NUL characters are not allowed";
        }

        var segments = key.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var last = i == segments.Length - 1;
            var segment = segments[i];
            if (segment.Length == 0 && !(allowPartial && last))
            {
                return "empty path segments ('//' or a trailing '/') are not allowed";
            }

            if (segment is "." or ".." && !(allowPartial && last && segment == "."))
            {
                return "'.' and '..' segments are not allowed";
            }
        }

        return null;
    }
}
