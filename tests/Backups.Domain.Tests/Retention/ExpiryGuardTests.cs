using Backups.Domain.Retention;
using NodaTime;
using static Backups.Domain.Tests.Support.Snaps;

namespace Backups.Domain.Tests.Retention;

/// <summary>A plan expiring more than max-expire-per-run, or more than the allowed fraction, is refused (but still listed).</summary>
public class ExpiryGuardTests
{
    /// <summary><paramref name="complete"/> snapshots of which exactly <c>complete - 1</c> expire under <c>hourly=3d</c>.</summary>
    private static RetentionPlan PlanExpiringAllButOne(int complete, ExpiryGuards guards)
    {
        var anchor = At("2026-11-02T00:00Z");
        var snapshots = Enumerable.Range(0, complete)
            .Select(i => new SnapshotRef($"s{i:D3}", i == 0 ? anchor : anchor - Duration.FromDays(10) - Duration.FromHours(i)))
            .ToArray();
        var plan = RetentionPlanner.Plan(snapshots, Rules("hourly=3d", guards: guards), anchor);
        plan.Expired.Count().ShouldBe(complete - 1);
        return plan;
    }

    [Theory]
    [InlineData(50, 0.5, 101, 2)]    // 100 expired: over 50 and over 50.5
    [InlineData(null, 0.5, 4, 1)]    // 3 expired: over 2
    [InlineData(2, 1.0, 4, 1)]       // 3 expired: over 2 per run, fraction 1 never trips
    [InlineData(3, 0.75, 4, 0)]      // 3 expired: exactly at both limits
    [InlineData(null, 0.5, 2, 0)]    // 1 of 2 expired: exactly half is allowed
    [InlineData(0, 1.0, 1, 0)]       // nothing expires: a zero limit is fine
    [InlineData(0, 1.0, 2, 1)]       // one expires: over a zero limit
    public void Each_guard_that_trips_refuses_the_plan_with_its_own_message(int? maxPerRun, double fraction, int complete, int messages)
    {
        var plan = PlanExpiringAllButOne(complete, new ExpiryGuards(maxPerRun, fraction));

        plan.Guard.Refused.ShouldBe(messages > 0);
        plan.Guard.Reasons.Count.ShouldBe(messages);
        plan.Decisions.Count.ShouldBe(complete);
    }

    [Fact]
    public void The_guard_messages_give_the_numbers()
    {
        var plan = PlanExpiringAllButOne(101, ExpiryGuards.Default);

        plan.Guard.Reasons.ShouldBe(
        [
            "the plan expires 100 snapshots, more than max-expire-per-run allows (50)",
            "the plan expires 100 of 101 complete snapshots (99.0%), more than the allowed fraction 0.5 (at most 50)",
        ]);
    }

    [Fact]
    public void A_refused_plan_still_lists_every_decision_for_the_caller_to_force()
    {
        var plan = PlanExpiringAllButOne(60, ExpiryGuards.Default);

        plan.Guard.Refused.ShouldBeTrue();
        plan.Kept.Select(d => d.Snapshot.Id).ShouldBe(["s000"]);
        plan.Expired.Count().ShouldBe(59);
    }

    [Fact]
    public void Future_snapshots_count_among_the_complete_snapshots_of_the_fraction()
    {
        var now = At("2026-11-02T00:00Z");
        var snapshots = new[]
        {
            new SnapshotRef("anchor", now),
            new SnapshotRef("old", now - Duration.FromDays(30)),
            new SnapshotRef("ahead", now + Duration.FromHours(1)),
        };

        var plan = RetentionPlanner.Plan(snapshots, Rules("hourly=3d", guards: new ExpiryGuards(null, 0.3)), now);

        plan.Guard.Reasons.ShouldBe(
            ["the plan expires 1 of 3 complete snapshots (33.3%), more than the allowed fraction 0.3 (at most 0)"]);
    }
}
