using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Backups.Storage;

/// <summary>
/// Where a store lives: <c>s3://bucket/prefix</c>, <c>file:///absolute/path</c>, or a plain directory path
/// (relative paths are resolved against a base directory, by default the current one).
/// </summary>
public sealed partial record StoreUrl
{
    private const string Expected = "expected s3://bucket[/prefix], file:///absolute/path, or a directory path";

    private StoreUrl(StoreKind kind, string? bucket, string keyPrefix, string? directoryPath)
    {
        Kind = kind;
        Bucket = bucket;
        KeyPrefix = keyPrefix;
        DirectoryPath = directoryPath;
    }

    public StoreKind Kind { get; }

    /// <summary>The bucket, for <see cref="StoreKind.S3"/>.</summary>
    public string? Bucket { get; }

    /// <summary>For S3: the key prefix below which the store lives, empty or ending with '/'. Empty for directories.</summary>
    public string KeyPrefix { get; }

    /// <summary>The absolute directory, for <see cref="StoreKind.Directory"/>.</summary>
    public string? DirectoryPath { get; }

    public static StoreUrl ForS3(string bucket, string keyPrefix = "")
    {
        var error = BucketProblem(bucket) ?? PrefixProblem(keyPrefix);
        if (error is not null)
        {
            throw new ArgumentException($"invalid S3 location s3://{bucket}/{keyPrefix}: {error}");
        }

        return new StoreUrl(StoreKind.S3, bucket, NormalizePrefix(keyPrefix), null);
    }

    public static StoreUrl ForDirectory(string absolutePath)
    {
        if (string.IsNullOrWhiteSpace(absolutePath) || !Path.IsPathFullyQualified(absolutePath))
        {
            throw new ArgumentException($"the store directory must be an absolute path, not '{absolutePath}'", nameof(absolutePath));
        }

        var full = Path.GetFullPath(absolutePath);
        return new StoreUrl(StoreKind.Directory, null, string.Empty, full.Length > 1 ? Path.TrimEndingDirectorySeparator(full) : full);
    }

    /// <summary>Parses a store URL or path; throws <see cref="FormatException"/> with the reason.</summary>
    public static StoreUrl Parse(string text, string? baseDirectory = null) =>
        TryParse(text, out var url, out var error, baseDirectory) ? url : throw new FormatException(error);

    public static bool TryParse(
        string? text,
        [NotNullWhen(true)] out StoreUrl? url,
        [NotNullWhen(false)] out string? error,
        string? baseDirectory = null)
    {
        url = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = $"the store URL is empty: {Expected}";
            return false;
        }

        error = text switch
        {
            _ when text.StartsWith("s3://", StringComparison.OrdinalIgnoreCase) => ParseS3(text, out url),
            _ when text.StartsWith("file:", StringComparison.OrdinalIgnoreCase) => ParseFile(text, out url),
            _ when SchemePattern().IsMatch(text) => $"unsupported store URL '{text}': {Expected}",
            _ => ParsePath(text, baseDirectory, out url),
        };
        return error is null;
    }

    /// <summary>The canonical form: <c>s3://bucket/prefix</c> (no trailing '/') or <c>file:///path</c>.</summary>
    public override string ToString() => Kind switch
    {
        StoreKind.S3 => KeyPrefix.Length == 0 ? $"s3://{Bucket}" : $"s3://{Bucket}/{KeyPrefix.TrimEnd('/')}",
        _ => new Uri(DirectoryPath!).AbsoluteUri,
    };

    private static string? ParseS3(string text, out StoreUrl? url)
    {
        url = null;
        var rest = text["s3://".Length..];
        if (rest.IndexOfAny(['?', '#']) >= 0)
        {
            return $"invalid S3 URL '{text}': query strings and fragments are not allowed";
        }

        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? rest : rest[..slash];
        var prefix = slash < 0 ? string.Empty : rest[(slash + 1)..];
        if (bucket.Contains('@', StringComparison.Ordinal))
        {
            return $"invalid S3 URL '{text}': credentials do not belong in the URL; use the environment or a profile";
        }

        var problem = BucketProblem(bucket) ?? PrefixProblem(prefix);
        if (problem is not null)
        {
            return $"invalid S3 URL '{text}': {problem}";
        }

        url = new StoreUrl(StoreKind.S3, bucket, NormalizePrefix(prefix), null);
        return null;
    }

    private static string? ParseFile(string text, out StoreUrl? url)
    {
        url = null;
        const string localhost = "file://localhost/";
        if (text.StartsWith(localhost, StringComparison.OrdinalIgnoreCase))
        {
            text = "file:///" + text[localhost.Length..];
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || !uri.IsFile)
        {
            return $"invalid file URL '{text}': expected file:///absolute/path";
        }

        if (uri.IsUnc || !text.StartsWith("file:///", StringComparison.OrdinalIgnoreCase))
        {
            return $"invalid file URL '{text}': only local paths are supported (file:///absolute/path)";
        }

        if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            return $"invalid file URL '{text}': query strings and fragments are not allowed";
        }

        url = ForDirectory(uri.LocalPath);
        return null;
    }

    private static string? ParsePath(string text, string? baseDirectory, out StoreUrl? url)
    {
        url = null;
        try
        {
            var full = Path.IsPathFullyQualified(text)
                ? text
                : Path.Combine(baseDirectory ?? Directory.GetCurrentDirectory(), text);
            url = ForDirectory(full);
            return null;
        }
        catch (ArgumentException e)
        {
            return $"invalid store path '{text}': {e.Message}";
        }
    }

    private static string? BucketProblem(string bucket)
    {
        if (bucket.Length == 0)
        {
            return "the bucket name is missing";
        }

        return BucketPattern().IsMatch(bucket) && !bucket.Contains("..", StringComparison.Ordinal)
            ? null
            : $"'{bucket}' is not a valid bucket name (3-63 lowercase letters, digits, '.' or '-', starting and ending with a letter or digit)";
    }

    private static string? PrefixProblem(string prefix)
    {
        if (prefix.Length == 0)
        {
            return null;
        }

        var trimmed = prefix.EndsWith('/') ? prefix[..^1] : prefix;
        try
        {
            ObjectKey.Validate(trimmed);
            return null;
        }
        catch (ArgumentException)
        {
            return $"the key prefix '{prefix}' must be '/'-separated names without empty, '.' or '..' segments or backslashes";
        }
    }

    private static string NormalizePrefix(string prefix) =>
        prefix.Length == 0 || prefix.EndsWith('/') ? prefix : prefix + "/";

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex BucketPattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9+.-]*:", RegexOptions.CultureInvariant)]
    private static partial Regex SchemePattern();
}
