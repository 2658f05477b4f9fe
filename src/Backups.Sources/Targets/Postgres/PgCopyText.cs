using System.Globalization;
using System.Text;
using Backups.Domain.Schema;

namespace Backups.Sources.Targets.Postgres;

/// <summary>
/// Formats values for a text-format COPY: each value in the text form its type's input function reads
/// back exactly (shortest round-trip floats, hex bytea, ISO dates with microseconds, decimal and dialect
/// text as captured), escaped per COPY's text format, NULL as <c>\N</c>.
/// </summary>
internal static class PgCopyText
{
    /// <summary>Appends one value (no delimiter); returns a problem instead when the value does not fit its kind.</summary>
    public static string? Append(StringBuilder line, ColumnKind kind, object? value)
    {
        switch (kind, value)
        {
            case (_, null):
                line.Append("\\N");
                return null;
            case (ColumnKind.Boolean, bool v):
                line.Append(v ? 't' : 'f');
                return null;
            case (ColumnKind.Int16, short v):
                line.Append(v.ToString(CultureInfo.InvariantCulture));
                return null;
            case (ColumnKind.Int32, int v):
                line.Append(v.ToString(CultureInfo.InvariantCulture));
                return null;
            case (ColumnKind.Int64, long v):
                line.Append(v.ToString(CultureInfo.InvariantCulture));
                return null;
            case (ColumnKind.Float32, float v):
                line.Append(v.ToString("R", CultureInfo.InvariantCulture));
                return null;
            case (ColumnKind.Float64, double v):
                line.Append(v.ToString("R", CultureInfo.InvariantCulture));
                return null;
            case (ColumnKind.Decimal, string v):
                if (DecimalText.Parse(v) is null)
                {
                    return $"'{(v.Length > 40 ? v[..40] + "..." : v)}' is not a decimal number";
                }

                line.Append(v.Trim());
                return null;
            case (ColumnKind.Text or ColumnKind.Json or ColumnKind.DialectText, string v):
                Escape(line, v);
                return null;
            case (ColumnKind.Binary, byte[] v):
                line.Append("\\\\x").Append(Convert.ToHexStringLower(v));
                return null;
            case (ColumnKind.Date, DateOnly v):
                line.Append(v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                return null;
            case (ColumnKind.Time, TimeOnly v):
                line.Append(v.ToString("HH:mm:ss.ffffff", CultureInfo.InvariantCulture));
                return null;
            case (ColumnKind.Timestamp, DateTime { Kind: DateTimeKind.Unspecified } v):
                line.Append(v.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture));
                return null;
            case (ColumnKind.TimestampTz, DateTime { Kind: DateTimeKind.Utc } v):
                line.Append(v.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture)).Append("+00");
                return null;
            case (ColumnKind.Uuid, Guid v):
                line.Append(v.ToString("D"));
                return null;
            default:
                return TargetValues.Mismatch(kind, value);
        }
    }

    private static void Escape(StringBuilder line, string value)
    {
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\':
                    line.Append("\\\\");
                    break;
                case '\n':
                    line.Append("\\n");
                    break;
                case '\r':
                    line.Append("\\r");
                    break;
                case '\t':
                    line.Append("\\t");
                    break;
                default:
                    line.Append(c);
                    break;
            }
        }
    }
}
