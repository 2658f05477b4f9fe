using System.Globalization;
using Backups.Domain.Retention;
using NodaTime;
using NodaTime.Calendars;
using Period = Backups.Domain.Retention.Period;

namespace Backups.Domain.Tests.Support;

/// <summary>
/// A literal, slow reading of docs/retention.md (sorting, grouping by bucket labels as text), used as the
/// model the real planner must agree with. Snapshot ids must be unique.
/// </summary>
internal static class ReferencePlanner
{
    /// <summary>The anchor and, for every complete snapshot, its outcome (reasons joined by <c>", "</c>, or <c>expire</c>).</summary>
    public static (Instant? Anchor, Dictionary<string, string> Outcomes) Plan(IReadOnlyList<SnapshotRef> snapshots, RetentionRules rules, Instant now)
    {
        var complete = snapshots.Where(s => s.State == SnapshotState.Complete).ToList();
        var newestFirst = complete.Where(s => s.Time <= now)
            .OrderByDescending(s => s.Time).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
        var anchor = newestFirst.FirstOrDefault();
        var oldest = newestFirst.OrderBy(s => s.Time).ThenBy(s => s.Id, StringComparer.Ordinal).FirstOrDefault();
        var reasons = complete.ToDictionary(s => s.Id, _ => new List<string>());

        foreach (var tier in rules.Tiers)
        {
            var cutoff = anchor is null ? (Instant?)null : tier.Window.SubtractFrom(anchor.Time, rules.Zone);
            var inside = newestFirst.Where(s => cutoff is null || s.Time > cutoff.Value).ToList();
            // GroupBy keeps the newest-first order inside each group: the first is the bucket's newest.
            var winners = inside.GroupBy(s => Label(tier.Period, s.Time.InZone(rules.Zone).LocalDateTime)).Select(g => g.First()).ToHashSet();
            var name = tier.Period.Name();
            foreach (var s in inside.Where(winners.Contains))
            {
                Add(reasons[s.Id], name);
            }
            if (oldest is not null && inside.Contains(oldest) && !winners.Contains(oldest))
            {
                Add(reasons[oldest.Id], "oldest-" + name);
            }
        }

        foreach (var s in newestFirst.Where(s => s.IsPinned))
        {
            Add(reasons[s.Id], "pinned");
        }
        if (anchor is not null && reasons[anchor.Id].Count == 0)
        {
            reasons[anchor.Id].Add("newest");
        }
        foreach (var s in complete.Where(s => s.Time > now))
        {
            reasons[s.Id] = ["future"];
        }

        return (anchor?.Time, reasons.ToDictionary(r => r.Key, r => r.Value.Count == 0 ? "expire" : string.Join(", ", r.Value)));
    }

    private static void Add(List<string> list, string reason)
    {
        if (!list.Contains(reason))
        {
            list.Add(reason);
        }
    }

    private static string Label(Period period, LocalDateTime t) => period switch
    {
        Period.Hourly => t.ToString("uuuu-MM-dd HH", CultureInfo.InvariantCulture),
        Period.Daily => t.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture),
        Period.Weekly => string.Create(
            CultureInfo.InvariantCulture,
            $"{WeekYearRules.Iso.GetWeekYear(t.Date)}-W{WeekYearRules.Iso.GetWeekOfWeekYear(t.Date):D2}"),
        Period.Monthly => t.ToString("uuuu-MM", CultureInfo.InvariantCulture),
        Period.Yearly => t.ToString("uuuu", CultureInfo.InvariantCulture),
        _ => throw new ArgumentOutOfRangeException(nameof(period)),
    };
}
