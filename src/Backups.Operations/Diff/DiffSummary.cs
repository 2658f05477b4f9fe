namespace Backups.Operations.Diff;

/// <summary>Counts of a finished diff.</summary>
/// <param name="Changed">Rows whose key is on both sides with a compared column different.</param>
/// <param name="Added">Rows only on the new side.</param>
/// <param name="Removed">Rows only on the old side.</param>
/// <param name="OldRows">Rows read from the old side.</param>
/// <param name="NewRows">Rows read from the new side.</param>
/// <param name="InScope">Rows matching <c>--where</c> on either side (null without a filter).</param>
public sealed record DiffSummary(long Changed, long Added, long Removed, long OldRows, long NewRows, long? InScope)
{
    public long Total => Changed + Added + Removed;
}
