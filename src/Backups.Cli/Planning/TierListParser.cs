using Backups.Cli.Infrastructure;
using Backups.Domain.Retention;

namespace Backups.Cli.Planning;

/// <summary>Parses <c>--tiers hourly=3d,daily=14d,...</c>, reporting every problem at once.</summary>
internal static class TierListParser
{
    public static IReadOnlyList<Tier> Parse(string text)
    {
        var tiers = new List<Tier>();
        var unknown = new List<string>();
        var errors = new List<string>();
        var seen = new HashSet<Period>();
        foreach (var item in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = item.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                errors.Add($"'{item}' is not <tier>=<window> (e.g. daily=14d)");
                continue;
            }
            var name = item[..eq].Trim();
            var windowText = item[(eq + 1)..].Trim();
            if (!PeriodNames.TryParse(name, out var period))
            {
                unknown.Add($"'{name}'");
                continue;
            }
            if (!RetentionWindow.TryParse(windowText, out var window, out var error))
            {
                errors.Add($"{name}: {error}");
                continue;
            }
            if (!seen.Add(period))
            {
                errors.Add($"{name} is given twice");
                continue;
            }
            tiers.Add(new Tier(period, window));
        }

        if (unknown.Count > 0)
        {
            errors.Insert(0, $"unknown tier {string.Join(", ", unknown)} (valid tiers: {string.Join(", ", PeriodNames.All)})");
        }
        if (errors.Count == 0 && tiers.Count == 0)
        {
            errors.Add("no tiers given (e.g. --tiers hourly=3d,daily=14d,weekly=60d,monthly=180d)");
        }
        if (errors.Count > 0)
        {
            throw new CliException("--tiers: " + string.Join("; ", errors));
        }
        return tiers.OrderBy(t => t.Period).ToList();
    }
}
