using Backups.Domain.Retention;
using Backups.Domain.Tests.Support;
using CsCheck;

namespace Backups.Domain.Tests.Retention;

/// <summary>Invariants of the planner over generated histories, zones and tiers (CsCheck shrinks any failure).</summary>
public class PlannerPropertyTests
{
    private const int Iterations = 400;

    [Fact]
    public void The_planner_agrees_with_a_literal_reading_of_the_contract()
    {
        PlanGenerators.Case.Sample(c =>
        {
            var plan = c.Plan();
            var (anchor, outcomes) = ReferencePlanner.Plan(c.Snapshots, c.Rules, c.Now);

            plan.Anchor.ShouldBe(anchor);
            plan.Outcomes().ShouldBe([.. c.Snapshots.Where(s => s.State == SnapshotState.Complete).Select(s => $"{s.Id}: {outcomes[s.Id]}")]);
        }, iter: Iterations);
    }

    [Fact]
    public void The_newest_complete_snapshot_is_never_expired()
    {
        PlanGenerators.Case.Sample(c =>
        {
            var plan = c.Plan();
            var complete = plan.Decisions
                .Where(d => d.Snapshot.State == SnapshotState.Complete && d.Snapshot.Time <= c.Now).ToList();
            if (complete.Count == 0)
            {
                plan.Anchor.ShouldBeNull();
                return;
            }
            var newest = complete.Max(d => d.Snapshot.Time);
            plan.Anchor.ShouldBe(newest);
            // Identical instants: the ordinal-first id is the anchor, whatever else (a pin) keeps its twins.
            var anchorId = complete.Where(d => d.Snapshot.Time == newest)
                .Select(d => d.Snapshot.Id).Order(StringComparer.Ordinal).First();
            var anchor = complete.First(d => d.Snapshot.Id == anchorId);
            anchor.Keep.ShouldBeTrue(anchorId);
            anchor.Reasons.ShouldNotBeEmpty(anchorId);
        }, iter: Iterations);
    }

    [Fact]
    public void A_pinned_snapshot_is_never_expired()
    {
        PlanGenerators.Case.Sample(c =>
        {
            foreach (var d in c.Plan().Decisions.Where(d => d.Snapshot.IsPinned))
            {
                d.Keep.ShouldBeTrue(d.Snapshot.Id);
                if (d.Snapshot.Time <= c.Now)
                {
                    d.Reasons.ShouldContain(RetentionReasons.Pinned);
                }
            }
        }, iter: Iterations);
    }

    [Fact]
    public void Replanning_the_kept_snapshots_expires_nothing_more()
    {
        PlanGenerators.Case.Sample(c =>
        {
            var kept = c.Plan().Kept.Select(d => d.Snapshot).ToArray();

            var again = RetentionPlanner.Plan(kept, c.Rules, c.Now);

            again.Expired.ShouldBeEmpty();
            again.Decisions.Count.ShouldBe(kept.Length);
        }, iter: Iterations);
    }

    [Fact]
    public void Every_kept_snapshot_has_a_reason_and_every_expired_one_has_none()
    {
        PlanGenerators.Case.Sample(c =>
        {
            var plan = c.Plan();
            foreach (var d in plan.Decisions)
            {
                (d.Reasons.Count > 0).ShouldBe(d.Keep, d.Snapshot.Id);
                d.Reasons.ShouldBeUnique();
            }
            plan.Decisions.Select(d => d.Snapshot).ShouldBe(c.Snapshots.Where(s => s.State == SnapshotState.Complete));
            plan.Incomplete.ShouldBe(c.Snapshots.Where(s => s.State != SnapshotState.Complete));
        }, iter: Iterations);
    }

    [Fact]
    public void The_plan_does_not_depend_on_the_input_order()
    {
        PlanGenerators.Case.Sample(c =>
        {
            var shuffled = (SnapshotRef[])c.Snapshots.Clone();
            new Random(c.ShuffleSeed).Shuffle(shuffled);
            var plan = c.Plan();

            var other = RetentionPlanner.Plan(shuffled, c.Rules, c.Now);

            other.Anchor.ShouldBe(plan.Anchor);
            other.Outcomes().Order(StringComparer.Ordinal).ShouldBe(plan.Outcomes().Order(StringComparer.Ordinal));
            other.Guard.Reasons.ShouldBe(plan.Guard.Reasons);
        }, iter: Iterations);
    }
}
