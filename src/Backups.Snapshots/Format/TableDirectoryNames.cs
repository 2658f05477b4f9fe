using System.Security.Cryptography;
using System.Text;

namespace Backups.Snapshots.Format;

/// <summary>Escapes table names into single, portable key segments (see <see cref="SnapshotKeys.TableDirectory"/>).</summary>
internal static class TableDirectoryNames
{
    internal const int MaxLength = 200;
    private const int KeptWhenCut = 180;
    private const int HashHexDigits = 16;

    public static string For(string? schema, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (schema is { Length: 0 })
        {
            throw new ArgumentException("a schema name may be null but not empty", nameof(schema));
        }

        var escaped = schema is null ? Escape(name) : Escape(schema) + "." + Escape(name);
        if (escaped.Length <= MaxLength)
        {
            return escaped;
        }

        // Cut where a character starts, then add a hash of the exact names so the result stays unique.
        var cut = KeptWhenCut;
        while (cut > 0 && !StartsCharacter(escaped, cut))
        {
            cut--;
        }

        var identity = Encoding.UTF8.GetBytes((schema ?? string.Empty) + "\0" + name);
        var hash = Convert.ToHexStringLower(SHA256.HashData(identity))[..HashHexDigits];
        return escaped[..cut] + "~" + hash;
    }

    /// <summary>Makes directory names unique when a store compares keys case-insensitively (local directories on some systems).</summary>
    public static IReadOnlyList<string> Disambiguate(IReadOnlyList<string> directories)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new string[directories.Count];
        for (var i = 0; i < directories.Count; i++)
        {
            var candidate = directories[i];
            for (var n = 2; !seen.Add(candidate); n++)
            {
                candidate = directories[i] + "~" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            result[i] = candidate;
        }

        return result;
    }

    /// <summary>Whether position <paramref name="i"/> of an escaped name is the start of an (escaped or plain) character.</summary>
    private static bool StartsCharacter(string escaped, int i)
    {
        if ((i >= 1 && escaped[i - 1] == '%') || (i >= 2 && escaped[i - 2] == '%'))
        {
            return false; // inside a %XX sequence
        }

        if (escaped[i] != '%')
        {
            return true;
        }

        var value = byte.Parse(escaped.AsSpan(i + 1, 2), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture);
        return (value & 0xC0) != 0x80; // not a UTF-8 continuation byte
    }

    private static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in value.EnumerateRunes())
        {
            if (rune.IsAscii && (char.IsAsciiLetterOrDigit((char)rune.Value) || rune.Value is '_' or '-'))
            {
                builder.Append((char)rune.Value);
                continue;
            }

            var count = rune.EncodeToUtf8(utf8);
            for (var i = 0; i < count; i++)
            {
                builder.Append('%').Append(utf8[i].ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
