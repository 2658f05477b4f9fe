using System.Globalization;

namespace Backups.Policies.Validation;

/// <summary>
/// A structural check of Quartz cron expressions: 6 or 7 fields (second minute hour day-of-month month
/// day-of-week [year]), each a list of <c>*</c>, values, ranges and <c>/</c> steps within the field's range,
/// month and weekday names, Quartz's <c>L</c>, <c>W</c> and <c>#</c> forms, and <c>?</c> in exactly one of
/// day-of-month and day-of-week. It does not compute fire times.
/// </summary>
internal static class QuartzCron
{
    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private static readonly CronField[] Fields =
    [
        new("second", 0, 59, null),
        new("minute", 0, 59, null),
        new("hour", 0, 23, null),
        new("day-of-month", 1, 31, null),
        new("month", 1, 12, MonthNames),
        new("day-of-week", 1, 7, DayNames),
        new("year", 1970, 2099, null),
    ];

    private const string Shape = "second minute hour day-of-month month day-of-week [year]";

    /// <summary>Whether <paramref name="expression"/> is well formed; if not, what is wrong and at which index.</summary>
    public static bool TryValidate(string expression, out string error, out int index)
    {
        var tokens = Tokens(expression);
        if (tokens.Count is < 6 or > 7)
        {
            var hint = tokens.Count == 5 ? "; Quartz cron starts with seconds, e.g. '0 0 * * * ?' is hourly" : "";
            return Fail($"expected 6 or 7 fields ({Shape}), found {tokens.Count}{hint}", 0, out error, out index);
        }
        for (var f = 0; f < tokens.Count; f++)
        {
            var (start, text) = tokens[f];
            var fieldError = CheckField(Fields[f], f, text, out var offset);
            if (fieldError is not null)
            {
                return Fail(fieldError, start + offset, out error, out index);
            }
        }
        var dom = tokens[3];
        var dow = tokens[5];
        if (dom.Text == "?" && dow.Text == "?")
        {
            return Fail("'?' may be in only one of day-of-month and day-of-week", dow.Start, out error, out index);
        }
        if (dom.Text != "?" && dow.Text != "?")
        {
            return Fail("put '?' in day-of-month or day-of-week (Quartz needs exactly one, e.g. '0 0 * * * ?')", dow.Start, out error, out index);
        }
        error = "";
        index = 0;
        return true;
    }

    private static bool Fail(string message, int at, out string error, out int index)
    {
        error = message;
        index = at;
        return false;
    }

    private static List<(int Start, string Text)> Tokens(string s)
    {
        var tokens = new List<(int, string)>();
        var i = 0;
        while (i < s.Length)
        {
            while (i < s.Length && char.IsWhiteSpace(s[i]))
            {
                i++;
            }
            var start = i;
            while (i < s.Length && !char.IsWhiteSpace(s[i]))
            {
                i++;
            }
            if (i > start)
            {
                tokens.Add((start, s[start..i]));
            }
        }
        return tokens;
    }

    private static string? CheckField(CronField field, int position, string text, out int offset)
    {
        offset = 0;
        var upper = text.ToUpperInvariant();
        if (upper == "?")
        {
            return position is 3 or 5 ? null : $"'?' is allowed only in day-of-month and day-of-week, not in {field.Name}";
        }
        if (position == 3 && IsDayOfMonthSpecial(upper, out var specialError))
        {
            return specialError;
        }
        if (position == 5 && IsDayOfWeekSpecial(field, upper, out specialError))
        {
            return specialError;
        }
        foreach (var item in upper.Split(','))
        {
            var itemError = CheckItem(field, item);
            if (itemError is not null)
            {
                return itemError;
            }
            offset += item.Length + 1;
        }
        offset = 0;
        return null;
    }

    private static string? CheckItem(CronField field, string item)
    {
        if (item.Length == 0)
        {
            return $"empty entry in {field.Name} (stray ',')";
        }
        var slash = item.IndexOf('/', StringComparison.Ordinal);
        var range = slash < 0 ? item : item[..slash];
        if (slash >= 0)
        {
            var maxStep = field.Max - field.Min + (field.Min == 0 ? 0 : 1);
            if (!int.TryParse(item[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var step) || step < 1 || step > maxStep)
            {
                return $"bad step '{item[(slash + 1)..]}' in {field.Name} (a whole number from 1 to {maxStep})";
            }
        }
        if (range == "*")
        {
            return null;
        }
        if (range.Contains('?', StringComparison.Ordinal))
        {
            return $"'?' must stand alone in {field.Name}";
        }
        var dash = range.IndexOf('-', StringComparison.Ordinal);
        string[] parts = dash < 0 ? [range] : [range[..dash], range[(dash + 1)..]];
        foreach (var part in parts)
        {
            if (ValueError(field, part) is { } valueError)
            {
                return valueError;
            }
        }
        return null;
    }

    private static string? ValueError(CronField field, string text)
    {
        if (field.Names is { } names && Array.IndexOf(names, text) >= 0)
        {
            return null;
        }
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            var what = field.Names is null ? "a number" : $"a number or a name such as {field.Names[0]}";
            return text.Length == 0
                ? $"incomplete range in {field.Name}"
                : $"'{text}' in {field.Name} is not {what}";
        }
        return value < field.Min || value > field.Max
            ? $"{field.Name} {value} is out of range {field.Min}-{field.Max}"
            : null;
    }

    /// <summary>Quartz's day-of-month forms: L, LW, L-n, nW. True when <paramref name="text"/> uses one (error set if it is wrong).</summary>
    private static bool IsDayOfMonthSpecial(string text, out string? error)
    {
        error = null;
        if (text is "L" or "LW")
        {
            return true;
        }
        if (text.StartsWith("L-", StringComparison.Ordinal))
        {
            if (!int.TryParse(text[2..], NumberStyles.None, CultureInfo.InvariantCulture, out var back) || back > 30)
            {
                error = $"bad day-of-month '{text}' (L-n counts back 0 to 30 days from the last day)";
            }
            return true;
        }
        if (text.EndsWith('W') && !text.Contains(',', StringComparison.Ordinal))
        {
            if (!int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var day) || day is < 1 or > 31)
            {
                error = $"bad day-of-month '{text}' (nW needs a day from 1 to 31)";
            }
            return true;
        }
        return false;
    }

    /// <summary>Quartz's day-of-week forms: L, nL (last n-day of the month), n#k (k-th n-day).</summary>
    private static bool IsDayOfWeekSpecial(CronField field, string text, out string? error)
    {
        error = null;
        if (text == "L")
        {
            return true;
        }
        var hash = text.IndexOf('#', StringComparison.Ordinal);
        if (hash >= 0)
        {
            error = ValueError(field, text[..hash]);
            if (error is null && (!int.TryParse(text[(hash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var nth) || nth is < 1 or > 5))
            {
                error = $"bad day-of-week '{text}' (n#k needs k from 1 to 5)";
            }
            return true;
        }
        if (text.Length > 1 && text.EndsWith('L') && !text.Contains(',', StringComparison.Ordinal))
        {
            error = ValueError(field, text[..^1]);
            return true;
        }
        return false;
    }
}
