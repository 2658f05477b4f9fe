using Backups.Domain.Schema;

namespace Backups.Operations.Diff;

/// <summary>A column both sides have, with the same kind.</summary>
/// <param name="Name">The column name (exact, on both sides).</param>
/// <param name="Kind">Its kind on both sides.</param>
/// <param name="OldType">Its native type on the old side.</param>
/// <param name="NewType">Its native type on the new side (what a repair script writes into).</param>
/// <param name="OldIndex">Its position in old-side rows.</param>
/// <param name="NewIndex">Its position in new-side rows.</param>
/// <param name="IsKey">Whether it is part of the key rows are matched on.</param>
/// <param name="Compared">Whether differences in it are reported (<c>--columns</c>; key columns never are: they match).</param>
public sealed record DiffColumn(string Name, ColumnKind Kind, string OldType, string NewType, int OldIndex, int NewIndex, bool IsKey, bool Compared);
