using NodaTime;

namespace Backups.Domain.Retention;

/// <summary>The pure retention planner: snapshots, rules and <c>now</c> in, a plan with reasons out (docs/retention.md).</summary>
/// <remarks>
/// Cost: one pass to split the input and find the anchor and the oldest snapshot, one conversion to local
/// time for each snapshot inside the widest window, and one hash lookup per tier for each snapshot inside
/// that tier's window (numeric bucket keys, no strings): O(n) time and memory, no sorting.
/// </remarks>
public static class RetentionPlanner
{
    private static readonly string[] NoReasons = [];

    public static RetentionPlan Plan(IReadOnlyList<SnapshotRef> snapshots, RetentionRules rules, Instant now)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(rules.Tiers);
        ArgumentNullException.ThrowIfNull(rules.Zone);
        ArgumentNullException.ThrowIfNull(rules.Guards);

        // Split: complete snapshots take part (in input order), incomplete ones are only reported.
        var complete = new SnapshotRef[snapshots.Count];
        var count = 0;
        var incomplete = new List<SnapshotRef>();
        int anchor = -1, oldest = -1;
        for (var i = 0; i < snapshots.Count; i++)
        {
            var s = snapshots[i] ?? throw new ArgumentException($"snapshot #{i} is null", nameof(snapshots));
            if (s.State != SnapshotState.Complete)
            {
                incomplete.Add(s);
                continue;
            }
            var c = count++;
            complete[c] = s;
            if (s.Time > now)
            {
                continue; // future-dated: no anchor, no tier, always kept
            }
            if (anchor < 0 || SnapshotRanking.IsNewer(s, c, complete[anchor], anchor))
            {
                anchor = c;
            }
            if (oldest < 0 || SnapshotRanking.IsOlder(s, c, complete[oldest], oldest))
            {
                oldest = c;
            }
        }

        var reasons = new List<string>?[count];
        if (anchor >= 0)
        {
            ApplyTiers(complete, count, rules, now, complete[anchor].Time, oldest, reasons);
        }

        for (var c = 0; c < count; c++)
        {
            if (complete[c].IsPinned && complete[c].Time <= now)
            {
                AddReason(reasons, c, RetentionReasons.Pinned);
            }
        }
        if (anchor >= 0 && reasons[anchor] is null)
        {
            AddReason(reasons, anchor, RetentionReasons.Newest); // the anchor is always kept
        }

        var decisions = new SnapshotDecision[count];
        var expired = 0;
        for (var c = 0; c < count; c++)
        {
            var s = complete[c];
            if (s.Time > now)
            {
                decisions[c] = new SnapshotDecision(s, true, [RetentionReasons.Future]);
            }
            else if (reasons[c] is { } why)
            {
                decisions[c] = new SnapshotDecision(s, true, why.ToArray());
            }
            else
            {
                decisions[c] = new SnapshotDecision(s, false, NoReasons);
                expired++;
            }
        }

        var verdict = ExpiryGuardEvaluator.Evaluate(rules.Guards, expired, count);
        return new RetentionPlan(anchor >= 0 ? complete[anchor].Time : null, decisions, incomplete, verdict);
    }

    /// <summary>Adds every tier's reasons, tier by tier in the order of the rules.</summary>
    private static void ApplyTiers(
        SnapshotRef[] complete, int count, RetentionRules rules, Instant now, Instant anchorTime, int oldest, List<string>?[] reasons)
    {
        var tiers = rules.Tiers;
        if (tiers.Count == 0)
        {
            return;
        }

        var cutoffs = new Instant[tiers.Count];
        var widest = Instant.MaxValue;
        for (var t = 0; t < tiers.Count; t++)
        {
            cutoffs[t] = tiers[t].Window.SubtractFrom(anchorTime, rules.Zone);
            if (cutoffs[t] < widest)
            {
                widest = cutoffs[t];
            }
        }

        // Each snapshot inside the widest window is converted to local time exactly once.
        var inside = new List<int>();
        var locals = new List<LocalDateTime>();
        for (var c = 0; c < count; c++)
        {
            var time = complete[c].Time;
            if (time > widest && time <= now)
            {
                inside.Add(c);
                locals.Add(time.InZone(rules.Zone).LocalDateTime);
            }
        }

        var oldestLocal = complete[oldest].Time.InZone(rules.Zone).LocalDateTime;
        var winners = new Dictionary<long, int>();
        for (var t = 0; t < tiers.Count; t++)
        {
            var period = tiers[t].Period;
            var cutoff = cutoffs[t];
            winners.Clear();
            for (var j = 0; j < inside.Count; j++)
            {
                var c = inside[j];
                if (complete[c].Time <= cutoff)
                {
                    continue;
                }
                var key = BucketKeys.Of(period, locals[j]);
                if (!winners.TryGetValue(key, out var held) || SnapshotRanking.IsNewer(complete[c], c, complete[held], held))
                {
                    winners[key] = c;
                }
            }

            var reason = RetentionReasons.Tier(period);
            foreach (var c in winners.Values)
            {
                AddReason(reasons, c, reason);
            }

            // The oldest rule: the far edge of a young history stays when a newer snapshot holds its bucket.
            if (complete[oldest].Time > cutoff && winners[BucketKeys.Of(period, oldestLocal)] != oldest)
            {
                AddReason(reasons, oldest, RetentionReasons.Oldest(period));
            }
        }
    }

    private static void AddReason(List<string>?[] reasons, int c, string reason)
    {
        var list = reasons[c] ??= new List<string>(4);
        if (!list.Contains(reason))
        {
            list.Add(reason);
        }
    }
}
