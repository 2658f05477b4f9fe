namespace Backups.Operations.Diff;

/// <summary>What is compared: the columns both sides share (in new-side order), the key, and what could not be compared.</summary>
/// <param name="Columns">Columns present on both sides with the same kind, in new-side order.</param>
/// <param name="Key">The key columns, in key order.</param>
/// <param name="OnlyOld">Columns only the old side has (not compared; a repair cannot restore them).</param>
/// <param name="OnlyNew">Columns only the new side has (not compared).</param>
/// <param name="KindChanged">Columns whose kind differs between the sides (not compared), with both types.</param>
public sealed record DiffSchema(
    IReadOnlyList<DiffColumn> Columns,
    IReadOnlyList<DiffColumn> Key,
    IReadOnlyList<string> OnlyOld,
    IReadOnlyList<string> OnlyNew,
    IReadOnlyList<string> KindChanged)
{
    /// <summary>The columns whose differences are reported.</summary>
    public IReadOnlyList<DiffColumn> Compared => [.. Columns.Where(c => c.Compared)];
}
