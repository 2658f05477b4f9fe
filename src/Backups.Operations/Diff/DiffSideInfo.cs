using NodaTime;

namespace Backups.Operations.Diff;

/// <summary>One side of a diff, described.</summary>
/// <param name="Description">e.g. <c>snapshot 20261125T120000Z-1a2b3c4d (started 2026-11-25T12:00:00Z)</c> or <c>postgres 127.0.0.1:5432/vacols (live)</c>.</param>
/// <param name="SnapshotId">The snapshot id, or null for a live database.</param>
/// <param name="Instant">The snapshot's StartedAt, or when the live database was read.</param>
/// <param name="Dialect">The dialect the side's values and types come from (<c>postgres</c>, <c>sqlite</c>).</param>
/// <param name="Schema">The table's schema, or null.</param>
/// <param name="Table">The table's name.</param>
/// <param name="Rows">Rows in the table: the manifest's count for a snapshot, counted while reading for a live table.</param>
public sealed record DiffSideInfo(string Description, string? SnapshotId, Instant Instant, string Dialect, string? Schema, string Table, long? Rows)
{
    /// <summary>Schema-qualified table name.</summary>
    public string QualifiedTable => Schema is null ? Table : $"{Schema}.{Table}";
}
