namespace Backups.Operations.Diff;

/// <summary>What a diff compares, known before the first row.</summary>
/// <param name="Old">The old side: always a snapshot.</param>
/// <param name="New">The new side: a live database or a later snapshot.</param>
/// <param name="Schema">Columns and key.</param>
/// <param name="Where">The <c>--where</c> predicate, or null.</param>
/// <param name="ConsistencyPoint">The old snapshot's consistency point (LSN, exported snapshot...).</param>
public sealed record DiffHeader(DiffSideInfo Old, DiffSideInfo New, DiffSchema Schema, string? Where, IReadOnlyDictionary<string, string> ConsistencyPoint);
