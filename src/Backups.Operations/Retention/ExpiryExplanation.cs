using Backups.Domain.Retention;
using NodaTime;
using NodaTime.Text;

namespace Backups.Operations.Retention;

/// <summary>Says why the planner expires a snapshot, from the tiers' cutoffs measured back from the plan's anchor.</summary>
internal sealed class ExpiryExplanation
{
    private readonly IReadOnlyList<(Tier Tier, Instant Cutoff)> _cutoffs;

    public ExpiryExplanation(RetentionRules rules, Instant? anchor)
    {
        _cutoffs = anchor is { } a
            ? [.. rules.Tiers.Select(t => (t, t.Window.SubtractFrom(a, rules.Zone)))]
            : [];
    }

    public string Why(SnapshotRef snapshot)
    {
        if (_cutoffs.Count == 0)
        {
            return "no tier keeps it (the policy has no tiers)";
        }
        var inside = _cutoffs.Where(c => snapshot.Time > c.Cutoff).Select(c => c.Tier.Period.Name()).ToList();
        if (inside.Count == 0)
        {
            var widest = _cutoffs.MinBy(c => c.Cutoff);
            return $"older than every tier's window (the widest, {widest.Tier}, keeps only snapshots after {InstantPattern.ExtendedIso.Format(widest.Cutoff)})";
        }
        var outside = _cutoffs.Where(c => snapshot.Time <= c.Cutoff).Select(c => c.Tier.Period.Name()).ToList();
        var held = inside.Count == 1
            ? $"a newer snapshot holds its {inside[0]} bucket"
            : $"newer snapshots hold its {string.Join(", ", inside.Take(inside.Count - 1))} and {inside[^1]} buckets";
        return outside.Count == 0 ? held : $"{held}; outside the {string.Join(", ", outside)} window{(outside.Count > 1 ? "s" : "")}";
    }
}
