namespace Backups.Domain.Retention;

/// <summary>The names of periods as they appear in policy files, on the command line and in plans.</summary>
public static class PeriodNames
{
    public static IReadOnlyList<string> All { get; } = ["hourly", "daily", "weekly", "monthly", "yearly"];

    public static string Name(this Period period) => period switch
    {
        Period.Hourly => "hourly",
        Period.Daily => "daily",
        Period.Weekly => "weekly",
        Period.Monthly => "monthly",
        Period.Yearly => "yearly",
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, null),
    };

    public static bool TryParse(string text, out Period period)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "hourly": period = Period.Hourly; return true;
            case "daily": period = Period.Daily; return true;
            case "weekly": period = Period.Weekly; return true;
            case "monthly": period = Period.Monthly; return true;
            case "yearly": period = Period.Yearly; return true;
            default: period = default; return false;
        }
    }
}
