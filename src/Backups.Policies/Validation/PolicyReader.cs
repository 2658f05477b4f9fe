using System.Text.RegularExpressions;
using Backups.Domain.Policies;
using Backups.Domain.Retention;
using Backups.Policies.Yaml;
using NodaTime;

namespace Backups.Policies.Validation;

/// <summary>
/// Turns the node tree of one policy file into a <see cref="Policy"/>, reporting every problem it finds
/// (it never stops at the first). The policy is built only when the file has no error at all.
/// </summary>
internal sealed partial class PolicyReader(ValueReader values)
{
    public const int MaxNameLength = 63;
    public const int MaxParallelism = 64;

    private readonly SectionReader _sections = new(values);
    private readonly StoreReader _store = new(values);

    private Diagnostics Diagnostics => values.Diagnostics;

    /// <summary>The name as written, when it is a valid name (even if the rest of the file is not).</summary>
    public string? DeclaredName { get; private set; }

    public SourcePosition NamePosition { get; private set; }

    public Policy? Read(YamlNode root)
    {
        if (root is not MappingNode map)
        {
            Diagnostics.Add(root.Start, $"a policy file must be a mapping of keys (name, source, store, schedule, retention, ...), found {root.Describe()}");
            return null;
        }
        var keys = new MapReader(map, "", PolicyKeys.Top, Diagnostics);
        var name = keys.Required("name") is { } nameNode ? ReadName(nameNode) : null;
        var source = keys.Required("source") is { } sourceNode ? _sections.Source(sourceNode) : null;
        var storeUnresolved = false;
        var storeSection = keys.Required("store") is { } storeNode ? _store.Read(storeNode, out storeUnresolved) : null;
        var store = storeSection?.Url;
        var schedule = keys.Required("schedule") is { } scheduleNode ? ReadSchedule(scheduleNode) : null;
        var zone = keys.Optional("timezone") is { } zoneNode ? ReadZone(zoneNode) : DateTimeZone.Utc;
        var tiers = keys.Required("retention") is { } retentionNode ? _sections.Retention(retentionNode) : null;
        var guards = keys.Optional("guards") is { } guardsNode ? _sections.Guards(guardsNode) : ExpiryGuards.Default;
        var cold = keys.Optional("cold") is { } coldNode ? _sections.Cold(coldNode) : null;
        var spare = keys.Optional("spare") is { } spareNode ? _sections.Spare(spareNode, source) : null;
        var parallelism = keys.Optional("parallelism") is { } parallelismNode
            ? values.Integer(parallelismNode, "parallelism", 1, MaxParallelism)
            : Policy.DefaultParallelism;

        if (cold is not null && store is not null && !IsS3(store, storeUnresolved))
        {
            Diagnostics.Add(
                keys.Key("cold")!.Start,
                $"'cold' needs an s3:// store (cold classes are S3 storage classes), but the store is '{store}'; remove 'cold' for this store");
        }

        if (Diagnostics.Count > 0)
        {
            return null;
        }
        if (name is null || source is null || store is null || schedule is null || zone is null || tiers is null || guards is null || parallelism is null)
        {
            throw new InvalidOperationException("a policy value is missing but no error was reported");
        }
        return new Policy(name, source, store, schedule, new RetentionRules(tiers, zone, guards), cold, spare, parallelism.Value, storeSection!.Value.S3);
    }

    private string? ReadName(YamlNode node)
    {
        var scalar = values.Scalar(node, "name");
        if (scalar is null)
        {
            return null;
        }
        if (!NamePattern().IsMatch(scalar.Value) || scalar.Value.Length > MaxNameLength)
        {
            Diagnostics.Add(
                scalar.Start,
                $"bad policy name '{scalar.Value}' (lowercase letters, digits, '-' and '_', starting with a letter or digit, at most {MaxNameLength} characters)");
            return null;
        }
        DeclaredName = scalar.Value;
        NamePosition = scalar.Start;
        return scalar.Value;
    }

    private string? ReadSchedule(YamlNode node)
    {
        var scalar = values.Scalar(node, "schedule", "a Quartz cron expression such as '0 0 * * * ?'");
        if (scalar is null)
        {
            return null;
        }
        if (!QuartzCron.TryValidate(scalar.Value, out var error, out var index))
        {
            Diagnostics.Add(scalar.At(index), $"invalid cron '{scalar.Value}': {error}");
            return null;
        }
        return scalar.Value.Trim();
    }

    private DateTimeZone? ReadZone(YamlNode node)
    {
        var scalar = values.Scalar(node, "timezone", "a time zone id such as UTC or America/New_York");
        if (scalar is null)
        {
            return null;
        }
        var id = scalar.Value.Trim();
        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) is { } zone)
        {
            return zone;
        }
        var hint = Suggestions.Hint(id, DateTimeZoneProviders.Tzdb.Ids);
        Diagnostics.Add(scalar.Start, $"unknown time zone '{id}'{hint} (use a tz database id such as UTC or America/New_York)");
        return null;
    }

    private static bool IsS3(string store, bool unresolved) =>
        store.StartsWith("s3://", StringComparison.Ordinal) || (unresolved && store.StartsWith("${", StringComparison.Ordinal));

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$")]
    private static partial Regex NamePattern();
}
