using Backups.Domain.Retention;

namespace Backups.Policies.Validation;

/// <summary>The keys each section of a policy file accepts (docs/policy.md and policies/schema.json list the same).</summary>
internal static class PolicyKeys
{
    public static IReadOnlyList<string> Top { get; } =
        ["name", "source", "store", "schedule", "timezone", "retention", "cold", "guards", "spare", "parallelism"];

    public static IReadOnlyList<string> Source { get; } = ["kind", "connection", "schema", "tables", "exclude"];

    /// <summary>The mapping form of <c>store</c>; a plain text value is the same as <c>{ url: ... }</c>.</summary>
    public static IReadOnlyList<string> Store { get; } = ["url", "endpoint", "region", "encryption", "kms-key-id"];

    public static IReadOnlyList<string> Retention { get; } = PeriodNames.All;

    public static IReadOnlyList<string> Cold { get; } = ["after", "class"];

    public static IReadOnlyList<string> Guards { get; } = ["max-expire-per-run", "max-expire-fraction"];

    public static IReadOnlyList<string> Spare { get; } = ["kind", "connection", "schema"];

    /// <summary>Every section by its key ("" for the top level).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Sections { get; } = new Dictionary<string, IReadOnlyList<string>>
    {
        [""] = Top,
        ["source"] = Source,
        ["store"] = Store,
        ["retention"] = Retention,
        ["cold"] = Cold,
        ["guards"] = Guards,
        ["spare"] = Spare,
    };
}
