using Backups.Domain.Retention;
using Backups.Snapshots;
using NodaTime;

namespace Backups.Operations.Tests.Support;

/// <summary>Turns written manifests into what the pure planner takes, to compare the executor with it.</summary>
internal static class History
{
    public static readonly Instant Start = Instant.FromUtc(2026, 11, 1, 0, 0);

    public static List<SnapshotRef> Refs(IEnumerable<Manifest> manifests, IReadOnlyDictionary<string, string>? pins = null) =>
        [.. manifests.Select(m => new SnapshotRef(m.Id, m.CompletedAt, SnapshotState.Complete, pins?.GetValueOrDefault(m.Id)))];

    /// <summary>The ids the planner keeps, in id order.</summary>
    public static List<string> Kept(IEnumerable<Manifest> manifests, RetentionRules rules, Instant now, IReadOnlyDictionary<string, string>? pins = null) =>
        [.. RetentionPlanner.Plan(Refs(manifests, pins), rules, now).Kept.Select(d => d.Snapshot.Id).Order(StringComparer.Ordinal)];

    /// <summary>The ids the planner expires, in id order.</summary>
    public static List<string> Expired(IEnumerable<Manifest> manifests, RetentionRules rules, Instant now, IReadOnlyDictionary<string, string>? pins = null) =>
        [.. RetentionPlanner.Plan(Refs(manifests, pins), rules, now).Expired.Select(d => d.Snapshot.Id).Order(StringComparer.Ordinal)];
}
