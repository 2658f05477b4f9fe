using System.Globalization;

namespace Backups.Sources.Targets;

/// <summary>
/// An exact decimal number parsed from the text of a <see cref="Backups.Domain.Schema.ColumnKind.Decimal"/> value:
/// value = (-1 if <see cref="Negative"/>) × <see cref="Digits"/> × 10^<see cref="Exponent"/>, with the display
/// scale (digits after the point) kept apart. Special values (NaN, ±Infinity) are flagged, not parsed.
/// </summary>
/// <param name="Special">Null for a finite number, else <c>NaN</c>, <c>Infinity</c> or <c>-Infinity</c>.</param>
/// <param name="Negative">Whether the number is below zero (never set for zero).</param>
/// <param name="Digits">Significant digits without leading or trailing zeros; empty for zero.</param>
/// <param name="Exponent">Power of ten of the last digit in <paramref name="Digits"/>.</param>
/// <param name="Scale">Digits after the decimal point as written (after applying any exponent), at least 0.</param>
internal sealed record DecimalText(string? Special, bool Negative, string Digits, int Exponent, int Scale)
{
    public bool IsZero => Special is null && Digits.Length == 0;

    /// <summary>Parses <c>[+-]digits[.digits][e[+-]digits]</c> and the special values; null when the text is not a number.</summary>
    public static DecimalText? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var s = text.Trim();
        switch (s.ToLowerInvariant())
        {
            case "nan":
                return new DecimalText("NaN", false, "", 0, 0);
            case "infinity" or "+infinity" or "inf" or "+inf":
                return new DecimalText("Infinity", false, "", 0, 0);
            case "-infinity" or "-inf":
                return new DecimalText("-Infinity", true, "", 0, 0);
        }

        var i = 0;
        var negative = false;
        if (i < s.Length && s[i] is '+' or '-')
        {
            negative = s[i] == '-';
            i++;
        }

        var integerStart = i;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        var integer = s[integerStart..i];
        var fraction = "";
        if (i < s.Length && s[i] == '.')
        {
            var fractionStart = ++i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            fraction = s[fractionStart..i];
        }

        if (integer.Length + fraction.Length == 0)
        {
            return null;
        }

        var exponent = 0;
        if (i < s.Length && s[i] is 'e' or 'E')
        {
            if (!int.TryParse(s.AsSpan(i + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent)
                || Math.Abs(exponent) > 1_000_000)
            {
                return null;
            }

            i = s.Length;
        }

        if (i != s.Length)
        {
            return null;
        }

        var all = (integer + fraction).TrimStart('0');
        var lastExponent = exponent - fraction.Length;
        var trimmed = all.TrimEnd('0');
        lastExponent += all.Length - trimmed.Length;
        var scale = Math.Max(0, fraction.Length - exponent);
        return trimmed.Length == 0
            ? new DecimalText(null, false, "", 0, scale)
            : new DecimalText(null, negative, trimmed, lastExponent, scale);
    }

    /// <summary>Whether both denote the same number (scale ignored: 1.50 equals 1.5).</summary>
    public bool SameValue(DecimalText other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Special is not null || other.Special is not null
            ? Special == other.Special
            : Negative == other.Negative && Digits == other.Digits && (IsZero || Exponent == other.Exponent);
    }
}
