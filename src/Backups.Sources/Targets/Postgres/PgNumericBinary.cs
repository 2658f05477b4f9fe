using System.Buffers.Binary;

namespace Backups.Sources.Targets.Postgres;

/// <summary>
/// Encodes a decimal text in PostgreSQL's binary <c>numeric</c> format (what <c>numeric_recv</c> reads:
/// ndigits, weight, sign, dscale as 16-bit big-endian values, then base-10000 digits). Keeps every digit,
/// the display scale, NaN and ±Infinity, which <see cref="decimal"/> and BigInteger cannot.
/// </summary>
internal static class PgNumericBinary
{
    private const ushort Positive = 0x0000;
    private const ushort Negative = 0x4000;
    private const ushort NaN = 0xC000;
    private const ushort PositiveInfinity = 0xD000;
    private const ushort NegativeInfinity = 0xF000;
    private const int MaxDisplayScale = 0x3FFF;

    /// <summary>The encoded value, or null with <paramref name="problem"/> when it is not a number PostgreSQL can hold.</summary>
    public static byte[]? Encode(string text, out string? problem)
    {
        problem = null;
        var number = DecimalText.Parse(text);
        if (number is null)
        {
            problem = $"'{Shorten(text)}' is not a decimal number";
            return null;
        }

        switch (number.Special)
        {
            case "NaN":
                return Header(0, 0, NaN, 0);
            case "Infinity":
                return Header(0, 0, PositiveInfinity, 0);
            case "-Infinity":
                return Header(0, 0, NegativeInfinity, 0);
        }

        if (number.Scale > MaxDisplayScale)
        {
            problem = $"'{Shorten(text)}' has more than {MaxDisplayScale} digits after the decimal point";
            return null;
        }

        if (number.IsZero)
        {
            return Header(0, 0, Positive, (ushort)number.Scale);
        }

        var digits = number.Digits;
        var highestPower = number.Exponent + digits.Length - 1;
        var firstGroup = FloorDiv4(highestPower);
        var lastGroup = FloorDiv4(number.Exponent);
        var groups = firstGroup - lastGroup + 1;
        if (firstGroup > short.MaxValue || firstGroup < short.MinValue || groups > ushort.MaxValue)
        {
            problem = $"'{Shorten(text)}' is out of the range of PostgreSQL numeric";
            return null;
        }

        var bytes = Header((ushort)groups, (short)firstGroup, number.Negative ? Negative : Positive, (ushort)number.Scale);
        Array.Resize(ref bytes, 8 + (2 * groups));
        var values = new int[groups];
        for (var k = 0; k < digits.Length; k++)
        {
            var power = highestPower - k;
            var group = FloorDiv4(power);
            var place = power - (4 * group);
            values[firstGroup - group] += (digits[k] - '0') * Pow10(place);
        }

        for (var g = 0; g < groups; g++)
        {
            BinaryPrimitives.WriteInt16BigEndian(bytes.AsSpan(8 + (2 * g)), (short)values[g]);
        }

        return bytes;
    }

    private static byte[] Header(ushort ndigits, short weight, ushort sign, ushort dscale)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, ndigits);
        BinaryPrimitives.WriteInt16BigEndian(bytes.AsSpan(2), weight);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(4), sign);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(6), dscale);
        return bytes;
    }

    private static int FloorDiv4(int value) => value >= 0 ? value / 4 : -((-value + 3) / 4);

    private static int Pow10(int place) => place switch
    {
        0 => 1,
        1 => 10,
        2 => 100,
        _ => 1000,
    };

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "..." : text;
}
