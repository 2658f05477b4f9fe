using Backups.Domain.Schema;
using NodaTime;

namespace Backups.Snapshots;

/// <summary>
/// The manifest of a snapshot, <c>snapshots/&lt;id&gt;/manifest.json</c>: what was captured, from where, when,
/// and the size, SHA-256 and row count of every table file. Written last: a snapshot exists once its manifest does.
/// Serialized by <see cref="ManifestJson"/>; the JSON form is described in docs/format.md.
/// </summary>
/// <param name="FormatVersion">Always <see cref="CurrentFormatVersion"/> for manifests this version writes.</param>
/// <param name="Id">The snapshot id (<see cref="SnapshotId"/>).</param>
/// <param name="Policy">The name of the policy that took the snapshot.</param>
/// <param name="Source">The database the snapshot came from.</param>
/// <param name="ConsistencyPoint">The source's own description of the point in time read (exported snapshot, SCN, LSN...).</param>
/// <param name="StartedAt">When writing started.</param>
/// <param name="CompletedAt">When every table file was stored, just before the manifest was written.</param>
/// <param name="ToolVersion">The version of the program that wrote the snapshot.</param>
/// <param name="Labels">Free-form labels (e.g. a pin reason or the deploy that triggered an ad-hoc snapshot).</param>
/// <param name="Tables">The tables in the order they were requested.</param>
/// <param name="Totals">Sums over <paramref name="Tables"/>.</param>
public sealed record Manifest(
    int FormatVersion,
    string Id,
    string Policy,
    SourceIdentity Source,
    IReadOnlyDictionary<string, string> ConsistencyPoint,
    Instant StartedAt,
    Instant CompletedAt,
    string ToolVersion,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<ManifestTable> Tables,
    ManifestTotals Totals)
{
    /// <summary>The format version this library writes and reads.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>The table with this schema and name (exact, ordinal), or null.</summary>
    public ManifestTable? FindTable(string? schema, string name) =>
        Tables.FirstOrDefault(t => string.Equals(t.Schema, schema, StringComparison.Ordinal) && string.Equals(t.Name, name, StringComparison.Ordinal));
}
