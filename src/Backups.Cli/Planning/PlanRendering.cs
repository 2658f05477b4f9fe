using System.Text;
using System.Text.Json;
using Backups.Domain.Retention;
using NodaTime;
using NodaTime.Text;

namespace Backups.Cli.Planning;

/// <summary>Renders a retention plan as a readable table or as the documented JSON object.</summary>
internal static class PlanRendering
{
    public static string FormatInstant(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    public static IReadOnlyDictionary<string, int> CountPerTier(RetentionPlan plan, RetentionRules rules)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var tier in rules.Tiers)
        {
            var name = tier.Period.Name();
            counts[name] = plan.Decisions.Count(d => d.Reasons.Contains(name) || d.Reasons.Contains("oldest-" + name));
        }
        return counts;
    }

    public static void WriteText(TextWriter output, RetentionPlan plan, RetentionRules rules, Instant now)
    {
        var anchor = plan.Anchor is { } a ? FormatInstant(a) : "none (no snapshot at or before now: everything is inside every window)";
        output.WriteLine($"anchor {anchor}; now {FormatInstant(now)}; zone {rules.Zone.Id}");
        output.WriteLine($"tiers  {string.Join(" ", rules.Tiers)}");
        output.WriteLine();

        var showIds = plan.Decisions.Any(d => d.Snapshot.Id != FormatInstant(d.Snapshot.Time));
        var rows = plan.Decisions
            .Select(d => (
                Time: FormatInstant(d.Snapshot.Time),
                Id: d.Snapshot.Id,
                Result: d.Keep ? "keep" : "expire",
                Why: Reasons(d)))
            .ToList();
        var timeWidth = Math.Max("TIME".Length, rows.Max(r => r.Time.Length));
        var idWidth = showIds ? Math.Max("ID".Length, rows.Max(r => r.Id.Length)) : 0;
        var header = new StringBuilder("TIME".PadRight(timeWidth + 2));
        if (showIds)
        {
            header.Append("ID".PadRight(idWidth + 2));
        }
        header.Append("RESULT  WHY");
        output.WriteLine(header.ToString());
        foreach (var row in rows)
        {
            var line = new StringBuilder(row.Time.PadRight(timeWidth + 2));
            if (showIds)
            {
                line.Append(row.Id.PadRight(idWidth + 2));
            }
            line.Append(row.Result.PadRight(8)).Append(row.Why);
            output.WriteLine(line.ToString().TrimEnd());
        }

        output.WriteLine();
        var kept = plan.Kept.Count();
        var expired = plan.Expired.Count();
        output.WriteLine($"{plan.Decisions.Count} snapshots: keep {kept}, expire {expired}");
        var perTier = CountPerTier(plan, rules);
        if (perTier.Count > 0)
        {
            output.WriteLine("kept per tier: " + string.Join(", ", perTier.Select(p => $"{p.Key} {p.Value}")));
        }
        var pinned = plan.Decisions.Count(d => d.Snapshot.IsPinned);
        if (pinned > 0)
        {
            output.WriteLine($"pinned: {pinned}");
        }
        if (plan.Incomplete.Count > 0)
        {
            output.WriteLine($"incomplete (not planned, garbage after the grace period): {plan.Incomplete.Count}");
        }
        if (plan.Guard.Refused)
        {
            output.WriteLine("REFUSED by the expiry guards (apply would need --force):");
            foreach (var reason in plan.Guard.Reasons)
            {
                output.WriteLine("  " + reason);
            }
        }
    }

    private static string Reasons(SnapshotDecision decision)
    {
        if (!decision.Keep)
        {
            return "";
        }
        return string.Join(", ", decision.Reasons.Select(r =>
            r == "pinned" && decision.Snapshot.PinReason is { Length: > 0 } why ? $"pinned: {why}" : r));
    }

    public static void WriteJson(Stream stream, RetentionPlan plan, RetentionRules rules, Instant now)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        if (plan.Anchor is { } anchor)
        {
            json.WriteString("anchor", FormatInstant(anchor));
        }
        else
        {
            json.WriteNull("anchor");
        }
        json.WriteString("now", FormatInstant(now));
        json.WriteString("timezone", rules.Zone.Id);
        json.WriteStartObject("tiers");
        foreach (var tier in rules.Tiers)
        {
            json.WriteString(tier.Period.Name(), tier.Window.ToString());
        }
        json.WriteEndObject();

        json.WriteStartArray("snapshots");
        foreach (var decision in plan.Decisions)
        {
            json.WriteStartObject();
            json.WriteString("id", decision.Snapshot.Id);
            json.WriteString("time", FormatInstant(decision.Snapshot.Time));
            json.WriteBoolean("keep", decision.Keep);
            json.WriteStartArray("reasons");
            foreach (var reason in decision.Reasons)
            {
                json.WriteStringValue(reason);
            }
            json.WriteEndArray();
            if (decision.Snapshot.PinReason is { } pin)
            {
                json.WriteString("pin", pin);
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();

        json.WriteStartObject("summary");
        json.WriteNumber("snapshots", plan.Decisions.Count);
        json.WriteNumber("keep", plan.Kept.Count());
        json.WriteNumber("expire", plan.Expired.Count());
        json.WriteStartObject("keptPerTier");
        foreach (var (tier, count) in CountPerTier(plan, rules))
        {
            json.WriteNumber(tier, count);
        }
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartObject("guard");
        json.WriteBoolean("refused", plan.Guard.Refused);
        json.WriteStartArray("reasons");
        foreach (var reason in plan.Guard.Reasons)
        {
            json.WriteStringValue(reason);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
