using Backups.Domain.Retention;
using CsCheck;
using NodaTime;
using Period = Backups.Domain.Retention.Period;

namespace Backups.Domain.Tests.Support;

/// <summary>
/// CsCheck generators of planning inputs that hit the interesting edges often: DST changes (including
/// zones that fell back across midnight), year ends with ISO week 53, identical instants, bucket edges,
/// future-dated, pinned and incomplete snapshots, and random tier sets and windows.
/// </summary>
internal static class PlanGenerators
{
    private static readonly string[] Zones =
        ["UTC", "America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Kathmandu", "America/Asuncion", "America/Sao_Paulo"];

    // Just after: US spring forward 2026, US/EU fall back 2026, the 2026-W53 year end, Asuncion's midnight
    // fall back of 2020-03-22, Sao Paulo's midnight fall back of 2019-02-17.
    private static readonly Instant[] Bases =
    [
        Instant.FromUtc(2026, 3, 10, 0, 0), Instant.FromUtc(2026, 11, 3, 0, 0), Instant.FromUtc(2027, 1, 6, 0, 0),
        Instant.FromUtc(2020, 3, 24, 0, 0), Instant.FromUtc(2019, 2, 18, 0, 0),
    ];

    private const int MinutesPerDay = 24 * 60;

    private static readonly Gen<int> MinutesBack = Gen.Frequency(
        (4, Gen.Int[0, 400 * MinutesPerDay]),
        (3, Gen.Int[0, 5 * MinutesPerDay]),
        (2, Gen.Int[0, 24 * 200].Select(h => h * 60)),       // whole hours: identical instants and bucket edges
        (1, Gen.Int[0, 60].Select(d => d * MinutesPerDay)));  // whole days

    private static readonly Gen<RetentionWindow> Window = Gen.Frequency(
        (3, Gen.Int[1, 30].Select(d => new RetentionWindow(0, 0, 0, d, 0))),
        (1, Gen.Int[1, 100].Select(h => new RetentionWindow(0, 0, 0, 0, h))),
        (1, Gen.Int[1, 10].Select(w => new RetentionWindow(0, 0, w, 0, 0))),
        (1, Gen.Int[1, 14].Select(m => new RetentionWindow(0, m, 0, 0, 0))),
        (1, Gen.Select(Gen.Int[0, 1], Gen.Int[0, 2], Gen.Int[0, 2], Gen.Int[0, 10], Gen.Int[0, 30])
            .Select((y, m, w, d, h) => new RetentionWindow(y, m, w, d, h + 1))));

    private static readonly Gen<IReadOnlyList<Tier>> Tiers =
        Gen.Select(Gen.Bool.Array[5], Window.Array[5], Gen.Int)
            .Select((use, windows, seed) =>
            {
                var tiers = Enum.GetValues<Period>().Where((_, i) => use[i]).Select(p => new Tier(p, windows[(int)p])).ToArray();
                new Random(seed).Shuffle(tiers);
                return (IReadOnlyList<Tier>)tiers;
            });

    private static readonly Gen<(int Back, int State, int Pin)> Snapshot =
        Gen.Select(MinutesBack, Gen.Int[0, 9], Gen.Int[0, 7]);

    /// <summary>A history of up to 40 snapshots with unique ids (in an order unrelated to their times).</summary>
    public static readonly Gen<PlanCase> Case =
        Gen.Select(Gen.OneOf(Bases), Gen.OneOf(Zones), Tiers, Snapshot.Array[0, 40], Gen.Int[-3 * MinutesPerDay, MinutesPerDay], Gen.Int)
            .Select((baseInstant, zone, tiers, raw, nowShift, seed) =>
            {
                var ids = Enumerable.Range(0, raw.Length).ToArray();
                new Random(seed).Shuffle(ids);
                var snapshots = raw.Select((r, i) => new SnapshotRef(
                    $"s{ids[i]:D2}",
                    baseInstant - Duration.FromMinutes(r.Back),
                    r.State == 0 ? SnapshotState.Incomplete : SnapshotState.Complete,
                    r.Pin == 0 ? "pinned for a test" : null)).ToArray();
                var rules = new RetentionRules(tiers, DateTimeZoneProviders.Tzdb[zone], new ExpiryGuards(null, 1.0));
                return new PlanCase(snapshots, rules, baseInstant + Duration.FromMinutes(nowShift), seed);
            });
}
