using Backups.Domain.Tests.Support;
using static Backups.Domain.Tests.Support.PlanTable;
using static Backups.Domain.Tests.Support.Snaps;

namespace Backups.Domain.Tests.Retention;

/// <summary>Identical instants are broken by the snapshot id, ordinal ascending: the first id wins.</summary>
public class TieTests
{
    [Fact]
    public void Of_snapshots_at_the_same_instant_the_first_id_holds_the_bucket()
    {
        PlanTable.Check(
            Rules("hourly=3d daily=14d"),
            now: "2026-11-02T00:00Z",
            new Row("z", "2026-11-02T00:00Z", "hourly, daily"),
            new Row("b", "2026-11-01T10:00Z", "expire"),
            new Row("a", "2026-11-01T10:00Z", "hourly, daily"),
            new Row("c", "2026-11-01T10:00Z", "expire"));
    }

    [Theory]
    [InlineData("B", "a")]              // ordinal: upper case sorts before lower case
    [InlineData("snap-10", "snap-9")]   // ordinal, not numeric
    [InlineData("a", "ab")]
    [InlineData("Z", "\u00e9")]         // ordinal, not culture-aware
    public void Ties_are_broken_by_ordinal_comparison_of_ids(string first, string second)
    {
        PlanTable.Check(
            Rules("daily=14d"),
            now: "2026-11-02T00:00Z",
            new Row("x-anchor", "2026-11-02T00:00Z", "daily"),
            new Row(second, "2026-11-01T10:00Z", "expire"),
            new Row(first, "2026-11-01T10:00Z", "daily"));
    }

    [Fact]
    public void Of_two_newest_snapshots_at_the_same_instant_the_first_id_is_the_anchor_and_keeps_everything()
    {
        var plan = PlanTable.Check(
            Rules("hourly=3d daily=14d"),
            now: "2026-11-03T00:00Z",
            new Row("n2", "2026-11-02T00:00Z", "expire"),
            new Row("n1", "2026-11-02T00:00Z", "hourly, daily"),
            new Row("old", "2026-11-01T00:00Z", "hourly, daily"));

        plan.Anchor.ShouldBe(At("2026-11-02T00:00Z"));
    }

    [Fact]
    public void Of_two_oldest_snapshots_at_the_same_instant_the_first_id_is_the_oldest()
    {
        PlanTable.Check(
            Rules("daily=14d"),
            now: "2026-11-02T00:00Z",
            new Row("anchor", "2026-11-02T00:00Z", "daily"),
            new Row("late", "2026-11-01T20:00Z", "daily"),
            new Row("o2", "2026-11-01T08:00Z", "expire"),
            new Row("o1", "2026-11-01T08:00Z", "oldest-daily"));
    }
}
