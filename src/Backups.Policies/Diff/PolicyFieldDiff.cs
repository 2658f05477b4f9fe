using System.Globalization;
using Backups.Domain.Policies;
using Backups.Domain.Retention;

namespace Backups.Policies.Diff;

/// <summary>
/// The field-by-field difference of two policies, named as in policy files (e.g. <c>retention.daily</c>): what
/// <c>backups policy diff</c> prints and what the service logs when a reload changes a policy.
/// </summary>
public static class PolicyFieldDiff
{
    /// <summary>The fields that hold a connection string: show them only redacted when the policy was loaded with its environment.</summary>
    public static IReadOnlySet<string> ConnectionFields { get; } = new HashSet<string>(StringComparer.Ordinal) { "source.connection", "spare.connection" };

    /// <summary>Every field whose value differs, in the order a policy file lists them; null where a field is absent.</summary>
    public static IReadOnlyList<PolicyFieldChange> Compare(Policy old, Policy @new)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(@new);
        var before = Fields(old);
        var after = Fields(@new);
        var changes = new List<PolicyFieldChange>();
        foreach (var field in before.Keys.Union(after.Keys))
        {
            var a = before.GetValueOrDefault(field);
            var b = after.GetValueOrDefault(field);
            if (!string.Equals(a, b, StringComparison.Ordinal))
            {
                changes.Add(new PolicyFieldChange(field, a, b));
            }
        }
        return changes;
    }

    /// <summary>Whether a change can alter what retention keeps: a tier, the time zone of its buckets or a guard.</summary>
    public static bool AffectsRetention(PolicyFieldChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.Field.StartsWith("retention.", StringComparison.Ordinal)
            || change.Field.StartsWith("guards.", StringComparison.Ordinal)
            || change.Field == "timezone";
    }

    /// <summary>Every field with a value, in the order a policy file lists them.</summary>
    private static Dictionary<string, string?> Fields(Policy p)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["name"] = p.Name,
            ["source.kind"] = p.Source.Kind.Name(),
            ["source.connection"] = p.Source.Connection,
            ["source.schema"] = p.Source.Schema,
            ["source.tables"] = List(p.Source.Tables),
            ["source.exclude"] = List(p.Source.Exclude),
            ["store"] = p.StoreUrl,
            ["schedule"] = p.Schedule,
            ["timezone"] = p.Zone.Id,
        };
        foreach (var period in Enum.GetValues<Period>())
        {
            fields["retention." + period.Name()] = p.Retention.Tiers.FirstOrDefault(t => t.Period == period)?.Window.ToString();
        }
        fields["guards.max-expire-per-run"] = p.Retention.Guards.MaxExpirePerRun?.ToString(CultureInfo.InvariantCulture);
        fields["guards.max-expire-fraction"] = p.Retention.Guards.MaxExpireFraction.ToString("0.###", CultureInfo.InvariantCulture);
        fields["cold.after"] = p.Cold?.After.ToString();
        fields["cold.class"] = p.Cold?.Class.Name();
        fields["spare.kind"] = p.Spare?.Kind.Name();
        fields["spare.connection"] = p.Spare?.Connection;
        fields["spare.schema"] = p.Spare?.Schema;
        fields["parallelism"] = p.Parallelism.ToString(CultureInfo.InvariantCulture);
        return fields;
    }

    private static string? List(IReadOnlyList<string> items) => items.Count == 0 ? null : "[" + string.Join(", ", items) + "]";
}
