using System.Globalization;
using System.Text;
using System.Text.Json;
using Backups.Domain.Schema;

namespace Backups.Operations.Diff;

/// <summary>How canonical values (see <see cref="ColumnKind"/>) are shown to people and written as JSON.</summary>
public static class ValueFormat
{
    private const int DisplayLimit = 500;

    /// <summary>
    /// A value as an SQL-like literal for reading: <c>NULL</c>, numbers bare, text in single quotes (E'' with
    /// escapes when it holds backslashes or control characters), times in ISO form. Very long values are cut.
    /// </summary>
    public static string Display(ColumnKind kind, object? value)
    {
        var text = Text(value);
        if (text is null)
        {
            return "NULL";
        }

        if (value is bool or short or int or long or float or double || kind == ColumnKind.Decimal && IsPlainNumber(text))
        {
            return text;
        }

        if (text.Length > DisplayLimit)
        {
            text = string.Create(CultureInfo.InvariantCulture, $"{text[..DisplayLimit]}... ({text.Length} characters)");
        }

        return Quote(text);
    }

    /// <summary>
    /// The invariant text form of a value, or null: timestamps <c>yyyy-MM-dd HH:mm:ss.ffffff</c> (with a Z for
    /// instants), binary <c>\x</c> and hex digits, floats round-trip exact, exact numerics as stored.
    /// </summary>
    public static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy'-'MM'-'dd", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH':'mm':'ss.FFFFFF", CultureInfo.InvariantCulture),
        DateTime t when t.Kind == DateTimeKind.Utc => t.ToString("yyyy'-'MM'-'dd' 'HH':'mm':'ss.FFFFFF", CultureInfo.InvariantCulture) + "Z",
        DateTime t => t.ToString("yyyy'-'MM'-'dd' 'HH':'mm':'ss.FFFFFF", CultureInfo.InvariantCulture),
        Guid g => g.ToString("D"),
        byte[] bytes => "\\x" + Convert.ToHexStringLower(bytes),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// Writes a value as JSON: booleans, integers and floats as numbers (NaN and infinities as strings), exact numerics
    /// as strings (no JSON reader rounds them), binary as <c>\x</c> hex, times as ISO-8601 strings.
    /// </summary>
    public static void WriteJson(Utf8JsonWriter writer, object? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case short or int or long:
                writer.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case float f when float.IsFinite(f):
                writer.WriteNumberValue(f);
                break;
            case double d when double.IsFinite(d):
                writer.WriteNumberValue(d);
                break;
            case DateTime t when t.Kind == DateTimeKind.Utc:
                writer.WriteStringValue(t.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFF'Z'", CultureInfo.InvariantCulture));
                break;
            case DateTime t:
                writer.WriteStringValue(t.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFF", CultureInfo.InvariantCulture));
                break;
            default:
                writer.WriteStringValue(Text(value));
                break;
        }
    }

    internal static string Quote(string text)
    {
        var escape = text.Any(c => c == '\\' || char.IsControl(c));
        var builder = new StringBuilder(text.Length + 3);
        builder.Append(escape ? "E'" : "'");
        foreach (var c in text)
        {
            switch (c)
            {
                case '\'':
                    builder.Append("''");
                    break;
                case '\\' when escape:
                    builder.Append("\\\\");
                    break;
                case '\n' when escape:
                    builder.Append("\\n");
                    break;
                case '\r' when escape:
                    builder.Append("\\r");
                    break;
                case '\t' when escape:
                    builder.Append("\\t");
                    break;
                case '\b' when escape:
                    builder.Append("\\b");
                    break;
                case '\f' when escape:
                    builder.Append("\\f");
                    break;
                default:
                    if (escape && char.IsControl(c))
                    {
                        builder.Append(c < '\u0080' ? $"\\x{(int)c:x2}" : $"\\u{(int)c:x4}");
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('\'').ToString();
    }

    internal static bool IsPlainNumber(string text)
    {
        var s = text.AsSpan();
        if (s.Length > 0 && s[0] == '-')
        {
            s = s[1..];
        }

        var digits = 0;
        var points = 0;
        foreach (var c in s)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c == '.' && points++ == 0)
            {
                continue;
            }
            else
            {
                return false;
            }
        }

        return digits > 0;
    }
}
