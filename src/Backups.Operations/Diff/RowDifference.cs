namespace Backups.Operations.Diff;

/// <summary>One row that differs.</summary>
/// <param name="Kind">Changed, added or removed.</param>
/// <param name="Old">The whole old-side row (old-side column order), or null when added.</param>
/// <param name="New">The whole new-side row (new-side column order), or null when removed.</param>
/// <param name="Changed">For <see cref="DiffKind.Changed"/>: the compared columns that differ; otherwise empty.</param>
public sealed record RowDifference(DiffKind Kind, object?[]? Old, object?[]? New, IReadOnlyList<DiffColumn> Changed)
{
    /// <summary>The row's key values, in key order.</summary>
    public object?[] KeyOf(DiffSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return New is { } row
            ? [.. schema.Key.Select(k => row[k.NewIndex])]
            : [.. schema.Key.Select(k => Old![k.OldIndex])];
    }
}
