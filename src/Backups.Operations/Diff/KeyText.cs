using System.Globalization;
using System.Numerics;
using System.Text;
using Backups.Domain.Schema;

namespace Backups.Operations.Diff;

/// <summary>
/// A value's identity as text, the same whichever engine produced it (canonical snapshot values, Npgsql, DuckDB):
/// integers in invariant digits, exact numerics without insignificant zeros (1.50 and 1.5 are one key, as in SQL),
/// timestamps as ticks, binary as hex. Rows are matched on the composition of their key columns' texts.
/// </summary>
internal static class KeyText
{
    private const char Separator = '\u001f';
    private const string Null = "\u0000";

    public static string Compose(object?[] row, int[] indexes, ColumnKind[] kinds)
    {
        if (indexes.Length == 1)
        {
            return Of(kinds[0], row[indexes[0]]);
        }

        var text = new StringBuilder();
        for (var i = 0; i < indexes.Length; i++)
        {
            if (i > 0)
            {
                text.Append(Separator);
            }

            text.Append(Of(kinds[i], row[indexes[i]]));
        }

        return text.ToString();
    }

    public static string Of(ColumnKind kind, object? value) => value switch
    {
        null or DBNull => Null,
        string s when kind == ColumnKind.Decimal => NormalDecimal(s),
        decimal d => NormalDecimal(d.ToString(CultureInfo.InvariantCulture)),
        float f when kind == ColumnKind.Decimal => NormalDecimal(f.ToString("R", CultureInfo.InvariantCulture)),
        double d when kind == ColumnKind.Decimal => NormalDecimal(d.ToString("R", CultureInfo.InvariantCulture)),
        long or int or short when kind == ColumnKind.Decimal => NormalDecimal(Convert.ToString(value, CultureInfo.InvariantCulture)!),
        string s => s,
        bool b => b ? "t" : "f",
        sbyte or byte or short or ushort or int or uint or long or ulong or BigInteger =>
            Convert.ToString(value, CultureInfo.InvariantCulture)!,
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly t => t.Ticks.ToString(CultureInfo.InvariantCulture),
        DateTime t => (t.Kind == DateTimeKind.Local ? t.ToUniversalTime() : t).Ticks.ToString(CultureInfo.InvariantCulture),
        DateTimeOffset t => t.UtcTicks.ToString(CultureInfo.InvariantCulture),
        Guid g => g.ToString("D"),
        byte[] bytes => Convert.ToHexStringLower(bytes),
        Stream stream => Convert.ToHexStringLower(ReadAll(stream)),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>
    /// <c>[-]digits</c> with leading and trailing zeros removed and an exponent: 12.50, 12.5 and 1.25e1 are all
    /// <c>125e-1</c>; zero is <c>0</c>. Text that is not a number (NaN, Infinity) is kept as written.
    /// </summary>
    public static string NormalDecimal(string text)
    {
        var s = text.Trim();
        var negative = s.StartsWith('-');
        var body = s.TrimStart('+', '-');
        var exponent = 0;
        var e = body.IndexOfAny(['e', 'E']);
        if (e >= 0)
        {
            if (!int.TryParse(body.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
            {
                return s;
            }

            body = body[..e];
        }

        var point = body.IndexOf('.', StringComparison.Ordinal);
        var digits = point < 0 ? body : body[..point] + body[(point + 1)..];
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            return s;
        }

        exponent -= point < 0 ? 0 : body.Length - point - 1;
        var trimmed = digits.TrimStart('0');
        var significant = trimmed.TrimEnd('0');
        if (significant.Length == 0)
        {
            return "0";
        }

        exponent += trimmed.Length - significant.Length;
        return (negative ? "-" : "") + significant + "e" + exponent.ToString(CultureInfo.InvariantCulture);
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
