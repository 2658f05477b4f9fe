using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.TimeZones;

namespace Backups.Domain.Retention;

/// <summary>
/// How far back a tier reaches from the anchor: <c>&lt;n&gt;&lt;unit&gt;</c> terms with units
/// h, d, w (7 days), m (calendar months), y (calendar years), e.g. <c>14d</c> or <c>1y2m3d4h</c>.
/// Calendar fields are subtracted in the bucket time zone (month ends clamp), then hours as elapsed time.
/// </summary>
public readonly record struct RetentionWindow(int Years, int Months, int Weeks, int Days, int Hours)
{
    public bool IsPositive => Years > 0 || Months > 0 || Weeks > 0 || Days > 0 || Hours > 0;

    public static RetentionWindow Parse(string text) =>
        TryParse(text, out var window, out var error) ? window : throw new FormatException(error);

    /// <summary>Parses a window; on failure <paramref name="error"/> says exactly what is wrong.</summary>
    public static bool TryParse(string? text, out RetentionWindow window, out string error)
    {
        window = default;
        var s = (text ?? "").Trim();
        if (s.Length == 0)
        {
            error = "empty duration (expected e.g. 3d, 14d, 2w, 6m, 1y2m3d4h)";
            return false;
        }
        if (s[0] == '-')
        {
            error = $"negative duration '{s}' (a window must be positive)";
            return false;
        }

        int y = 0, mo = 0, w = 0, d = 0, h = 0;
        var seen = new HashSet<char>();
        var i = 0;
        while (i < s.Length)
        {
            var start = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }
            if (i == start || i == s.Length)
            {
                error = $"bad duration '{s}' (expected <number><unit> terms with units h, d, w, m, y, e.g. 14d or 1y2m)";
                return false;
            }
            if (!int.TryParse(s.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > 100_000)
            {
                error = $"duration '{s}' is too large";
                return false;
            }
            var unit = char.ToLowerInvariant(s[i]);
            if (!seen.Add(unit))
            {
                error = $"bad duration '{s}' (unit '{unit}' appears twice)";
                return false;
            }
            switch (unit)
            {
                case 'y': y = n; break;
                case 'm': mo = n; break;
                case 'w': w = n; break;
                case 'd': d = n; break;
                case 'h': h = n; break;
                default:
                    error = $"bad duration '{s}' (unknown unit '{s[i]}'; use h, d, w, m or y)";
                    return false;
            }
            i++;
        }

        window = new RetentionWindow(y, mo, w, d, h);
        if (!window.IsPositive)
        {
            error = $"duration '{s}' is zero (a window must be positive)";
            window = default;
            return false;
        }
        error = "";
        return true;
    }

    /// <summary>
    /// The cutoff <c>anchor - window</c>: years, months, weeks and days as calendar fields in
    /// <paramref name="zone"/> (lenient resolver: a gap moves forward by its length, an ambiguous
    /// time takes the earlier instant), then hours as elapsed time.
    /// </summary>
    /// <remarks>
    /// A window that reaches before the start of NodaTime's calendar (year -9998) gives
    /// <see cref="Instant.MinValue"/>: every snapshot of a real history is inside it.
    /// </remarks>
    public Instant SubtractFrom(Instant anchor, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = anchor.InZone(zone).LocalDateTime;
        var period = new PeriodBuilder { Years = Years, Months = Months, Weeks = Weeks, Days = Days }.Build();
        try
        {
            var calendarStep = period.Equals(NodaTime.Period.Zero)
                ? anchor
                : zone.ResolveLocal(local - period, Resolvers.LenientResolver).ToInstant();
            return calendarStep - Duration.FromHours(Hours);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
        {
            return Instant.MinValue;
        }
    }

    public override string ToString()
    {
        var sb = new StringBuilder();
        if (Years > 0) sb.Append(CultureInfo.InvariantCulture, $"{Years}y");
        if (Months > 0) sb.Append(CultureInfo.InvariantCulture, $"{Months}m");
        if (Weeks > 0) sb.Append(CultureInfo.InvariantCulture, $"{Weeks}w");
        if (Days > 0) sb.Append(CultureInfo.InvariantCulture, $"{Days}d");
        if (Hours > 0) sb.Append(CultureInfo.InvariantCulture, $"{Hours}h");
        return sb.Length == 0 ? "0d" : sb.ToString();
    }
}
