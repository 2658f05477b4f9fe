using System.Globalization;
using System.Text;
using Backups.Domain.Retention;
using NodaTime;
using NodaTime.Text;

namespace Backups.Domain.Tests.Support;

/// <summary>
/// A stable text rendering of a plan for golden files: the inputs, the verdict, then every decision in input
/// order (consecutive expired snapshots collapsed into one line), then the incomplete snapshots.
/// </summary>
internal static class PlanText
{
    private static readonly InstantPattern Utc = InstantPattern.ExtendedIso;
    private static readonly OffsetDateTimePattern Local = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFFo<m>");

    public static string Render(RetentionPlan plan, RetentionRules rules, Instant now)
    {
        var showLocal = rules.Zone.Id is not ("UTC" or "Etc/UTC");
        string When(SnapshotRef s) =>
            showLocal ? $"{Utc.Format(s.Time)}  {Local.Format(s.Time.InZone(rules.Zone).ToOffsetDateTime())}" : Utc.Format(s.Time);

        var sb = new StringBuilder();
        void Line(string text) => sb.Append(text.TrimEnd()).Append('\n');
        var kept = plan.Decisions.Count(d => d.Keep);
        var guards = rules.Guards;

        Line($"now         {Utc.Format(now)}");
        Line($"zone        {rules.Zone.Id}");
        Line($"tiers       {string.Join(" ", rules.Tiers)}");
        Line(string.Create(CultureInfo.InvariantCulture, $"guards      max-expire-per-run {guards.MaxExpirePerRun?.ToString(CultureInfo.InvariantCulture) ?? "none"}, max-expire-fraction {guards.MaxExpireFraction}"));
        Line($"anchor      {(plan.Anchor is { } a ? Utc.Format(a) : "none")}");
        Line(string.Create(CultureInfo.InvariantCulture, $"complete    {plan.Decisions.Count}: keep {kept}, expire {plan.Decisions.Count - kept}"));
        Line(string.Create(CultureInfo.InvariantCulture, $"incomplete  {plan.Incomplete.Count}"));
        Line($"guard       {(plan.Guard.Refused ? "refused" : "allowed")}");
        foreach (var reason in plan.Guard.Reasons)
        {
            Line($"            {reason}");
        }

        var idWidth = plan.Decisions.Select(d => d.Snapshot.Id.Length).Append(plan.Incomplete.Select(s => s.Id.Length).DefaultIfEmpty(0).Max()).DefaultIfEmpty(0).Max();
        Line("");
        Line("decisions (input order; consecutive expired snapshots on one line)");
        for (var i = 0; i < plan.Decisions.Count;)
        {
            var d = plan.Decisions[i];
            if (d.Keep)
            {
                var pin = d.Snapshot.PinReason is { } why ? $"  (pin: {why})" : "";
                Line($"  keep    {d.Snapshot.Id.PadRight(idWidth)}  {When(d.Snapshot)}  {string.Join(", ", d.Reasons)}{pin}");
                i++;
                continue;
            }
            var end = i;
            while (end + 1 < plan.Decisions.Count && !plan.Decisions[end + 1].Keep)
            {
                end++;
            }
            var first = plan.Decisions[i].Snapshot;
            var last = plan.Decisions[end].Snapshot;
            Line(end == i
                ? $"  expire  {first.Id.PadRight(idWidth)}  {When(first)}"
                : string.Create(CultureInfo.InvariantCulture, $"  expire  {first.Id.PadRight(idWidth)}  {When(first)}  .. {last.Id} {Utc.Format(last.Time)}  ({end - i + 1} snapshots)"));
            i = end + 1;
        }

        if (plan.Incomplete.Count > 0)
        {
            Line("");
            Line("incomplete (not planned)");
            foreach (var s in plan.Incomplete)
            {
                Line($"  {s.Id.PadRight(idWidth)}  {When(s)}");
            }
        }
        return sb.ToString();
    }
}
