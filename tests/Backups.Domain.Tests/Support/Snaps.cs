using Backups.Domain.Retention;
using NodaTime;
using NodaTime.Text;

namespace Backups.Domain.Tests.Support;

/// <summary>Short ways to write instants, snapshots and rules in tests.</summary>
internal static class Snaps
{
    private static readonly InstantPattern Minutes = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm'Z'");

    /// <summary>An instant written <c>2026-11-02T00:00Z</c> or in extended ISO (<c>2026-11-02T00:00:00.000000001Z</c>).</summary>
    public static Instant At(string utc)
    {
        var result = Minutes.Parse(utc);
        return result.Success ? result.Value : InstantPattern.ExtendedIso.Parse(utc).Value;
    }

    /// <summary>The instant of a local date-time in <paramref name="zoneId"/>, which must map to exactly one instant.</summary>
    public static Instant Local(string zoneId, int year, int month, int day, int hour, int minute) =>
        new LocalDateTime(year, month, day, hour, minute).InZoneStrictly(Zone(zoneId)).ToInstant();

    public static DateTimeZone Zone(string id) => DateTimeZoneProviders.Tzdb[id];

    /// <summary>A complete snapshot whose id is its instant text.</summary>
    public static SnapshotRef S(string utc) => new(utc, At(utc));

    public static SnapshotRef S(string id, string utc, string? pin = null) => new(id, At(utc), SnapshotState.Complete, pin);

    public static SnapshotRef Incomplete(string id, string utc) => new(id, At(utc), SnapshotState.Incomplete);

    /// <summary>Rules from <c>"hourly=3d daily=14d"</c> in a zone; guards off unless given.</summary>
    public static RetentionRules Rules(string tiers, string zone = "UTC", ExpiryGuards? guards = null) =>
        new(ParseTiers(tiers), Zone(zone), guards ?? NoGuards);

    /// <summary>Guards that never refuse (a fraction of 1 can never be exceeded).</summary>
    public static ExpiryGuards NoGuards { get; } = new(null, 1.0);

    public static IReadOnlyList<Tier> ParseTiers(string tiers) =>
    [
        .. tiers.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(term =>
        {
            var parts = term.Split('=');
            PeriodNames.TryParse(parts[0], out var period).ShouldBeTrue(term);
            return new Tier(period, RetentionWindow.Parse(parts[1]));
        }),
    ];

    /// <summary>The outcome of one snapshot as text: its reasons joined by <c>", "</c>, or <c>expire</c>.</summary>
    public static string Outcome(this RetentionPlan plan, string id)
    {
        var decision = plan.Decisions.Single(d => d.Snapshot.Id == id);
        return decision.Keep ? string.Join(", ", decision.Reasons) : "expire";
    }

    /// <summary>Every decision as <c>id: outcome</c>, in plan order, for whole-plan assertions.</summary>
    public static string[] Outcomes(this RetentionPlan plan) =>
        [.. plan.Decisions.Select(d => $"{d.Snapshot.Id}: {(d.Keep ? string.Join(", ", d.Reasons) : "expire")}")];
}
