using System.Globalization;

namespace Backups.Cli.Infrastructure;

/// <summary>Parses sizes such as <c>1048576</c>, <c>512KiB</c>, <c>64MiB</c>, <c>2GiB</c> (also KB/MB/GB as powers of 1024).</summary>
internal static class ByteSizes
{
    public static long Parse(string text, string option)
    {
        var s = text.Trim();
        var digits = 0;
        while (digits < s.Length && char.IsAsciiDigit(s[digits]))
        {
            digits++;
        }
        var unit = s[digits..].Trim().ToUpperInvariant();
        long multiplier = unit switch
        {
            "" or "B" => 1,
            "K" or "KB" or "KIB" => 1L << 10,
            "M" or "MB" or "MIB" => 1L << 20,
            "G" or "GB" or "GIB" => 1L << 30,
            _ => 0,
        };
        if (digits == 0 || multiplier == 0 || !long.TryParse(s.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            throw new CliException($"{option}: '{text}' is not a size (e.g. 64MiB, 512KiB, 1GiB)");
        }
        return checked(value * multiplier);
    }
}
