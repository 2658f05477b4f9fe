using System.Globalization;
using Backups.Domain.Retention;
using NodaTime;

namespace Backups.Operations.Control;

/// <summary>
/// The part of a policy that decides what retention keeps: its tiers (as written, e.g. <c>hourly: 3d</c>), the time zone
/// of the buckets and the expiry guards. Stored in the policy's store as the terms in force and the terms held for review.
/// </summary>
/// <param name="Tiers">Each tier's window by period name, e.g. <c>{"hourly": "3d", "daily": "14d"}</c>.</param>
/// <param name="TimeZone">The buckets' time zone (TZDB id).</param>
/// <param name="MaxExpirePerRun">The max-expire-per-run guard; null for none.</param>
/// <param name="MaxExpireFraction">The max-expire-fraction guard.</param>
public sealed record RetentionTerms(IReadOnlyDictionary<string, string> Tiers, string TimeZone, int? MaxExpirePerRun, double MaxExpireFraction)
{
    public static RetentionTerms Of(RetentionRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return new RetentionTerms(
            rules.Tiers.ToDictionary(t => t.Period.Name(), t => t.Window.ToString(), StringComparer.Ordinal),
            rules.Zone.Id,
            rules.Guards.MaxExpirePerRun,
            rules.Guards.MaxExpireFraction);
    }

    /// <summary>The rules these terms describe; <see cref="InvalidDataException"/> when a stored value cannot be read back.</summary>
    public RetentionRules ToRules()
    {
        var tiers = new List<Tier>();
        foreach (var (name, window) in Tiers.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            if (!PeriodNames.TryParse(name, out var period) || !RetentionWindow.TryParse(window, out var parsed, out _))
            {
                throw new InvalidDataException($"stored retention terms hold an unreadable tier '{name}: {window}'");
            }
            tiers.Add(new Tier(period, parsed));
        }
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(TimeZone)
            ?? throw new InvalidDataException($"stored retention terms name an unknown time zone '{TimeZone}'");
        return new RetentionRules([.. tiers.OrderBy(t => t.Period)], zone, new ExpiryGuards(MaxExpirePerRun, MaxExpireFraction));
    }

    /// <summary>Whether two sets of terms keep the same snapshots (the same tiers, zone and guards).</summary>
    public bool SameAs(RetentionTerms other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Describe() == other.Describe();
    }

    /// <summary>The terms in one line as a policy file would say them: <c>hourly 3d, daily 14d; UTC; max-expire-per-run 50, max-expire-fraction 0.5</c>.</summary>
    public string Describe() =>
        string.Join(", ", Tiers.OrderBy(t => PeriodNames.TryParse(t.Key, out var p) ? (int)p : int.MaxValue).Select(t => $"{t.Key} {t.Value}"))
        + $"; {TimeZone}; max-expire-per-run {(MaxExpirePerRun is { } max ? max.ToString(CultureInfo.InvariantCulture) : "none")}, "
        + $"max-expire-fraction {MaxExpireFraction.ToString("0.###", CultureInfo.InvariantCulture)}";
}
