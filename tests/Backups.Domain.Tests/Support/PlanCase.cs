using System.Globalization;
using System.Text;
using Backups.Domain.Retention;
using NodaTime;
using NodaTime.Text;

namespace Backups.Domain.Tests.Support;

/// <summary>A generated planning input; printed as readable C#-like text when a property fails.</summary>
internal sealed record PlanCase(SnapshotRef[] Snapshots, RetentionRules Rules, Instant Now, int ShuffleSeed)
{
    public RetentionPlan Plan() => RetentionPlanner.Plan(Snapshots, Rules, Now);

    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"now {Format(Now)}, zone {Rules.Zone.Id}, tiers [{string.Join(" ", Rules.Tiers)}]");
        foreach (var s in Snapshots)
        {
            sb.AppendLine().Append(CultureInfo.InvariantCulture, $"  {s.Id} {Format(s.Time)} {s.State}{(s.IsPinned ? " pinned" : "")}");
        }
        return sb.ToString();
    }

    private static string Format(Instant instant) => InstantPattern.ExtendedIso.Format(instant);
}
