namespace Backups.Domain.Retention;

/// <summary>
/// The total orders the planner uses. Identical instants are broken by id (ordinal, ascending: the first
/// id wins) and, for duplicated ids, by position in the input, so every plan is deterministic.
/// </summary>
internal static class SnapshotRanking
{
    /// <summary>Whether <paramref name="a"/> (at input position <paramref name="ia"/>) is newer than <paramref name="b"/>.</summary>
    public static bool IsNewer(SnapshotRef a, int ia, SnapshotRef b, int ib)
    {
        if (a.Time != b.Time)
        {
            return a.Time > b.Time;
        }
        return TieWinner(a, ia, b, ib);
    }

    /// <summary>Whether <paramref name="a"/> is older than <paramref name="b"/> (identical instants: the first id wins too).</summary>
    public static bool IsOlder(SnapshotRef a, int ia, SnapshotRef b, int ib)
    {
        if (a.Time != b.Time)
        {
            return a.Time < b.Time;
        }
        return TieWinner(a, ia, b, ib);
    }

    private static bool TieWinner(SnapshotRef a, int ia, SnapshotRef b, int ib)
    {
        var byId = string.CompareOrdinal(a.Id, b.Id);
        return byId != 0 ? byId < 0 : ia < ib;
    }
}
