using Backups.Service.Health;
using NodaTime;

namespace Backups.Service.Tests.Health;

public sealed class RpoVerdictTests
{
    private static readonly Instant Started = Instant.FromUtc(2026, 3, 1, 0, 0);
    private static readonly Duration TwoHours = Duration.FromHours(2);

    private static NewestSnapshot CompletedAt(Instant at) => new("20260301T000000Z-00000000", at, 100, 10);

    [Fact]
    public void A_snapshot_younger_than_allowed_is_ok()
    {
        var now = Started + Duration.FromDays(1);

        var verdict = RpoVerdict.Evaluate(CompletedAt(now - Duration.FromMinutes(90)), TwoHours, Started, now);

        verdict.ShouldBe(new RpoVerdict(RpoStatus.Ok, Duration.FromMinutes(90), TwoHours));
        verdict.IsHealthy.ShouldBeTrue();
    }

    [Fact]
    public void A_snapshot_exactly_the_allowed_age_is_still_ok_and_one_tick_older_is_stale()
    {
        var now = Started + Duration.FromDays(1);

        RpoVerdict.Evaluate(CompletedAt(now - TwoHours), TwoHours, Started, now).Status.ShouldBe(RpoStatus.Ok);
        RpoVerdict.Evaluate(CompletedAt(now - TwoHours - Duration.Epsilon), TwoHours, Started, now).Status.ShouldBe(RpoStatus.Stale);
        RpoVerdict.Evaluate(CompletedAt(now - TwoHours - Duration.Epsilon), TwoHours, Started, now).IsHealthy.ShouldBeFalse();
    }

    [Fact]
    public void Without_any_snapshot_a_new_service_is_pending_until_the_allowed_age_has_passed_since_it_started()
    {
        RpoVerdict.Evaluate(null, TwoHours, Started, Started + Duration.FromMinutes(5)).Status.ShouldBe(RpoStatus.Pending);
        RpoVerdict.Evaluate(null, TwoHours, Started, Started + TwoHours + Duration.FromSeconds(1)).Status.ShouldBe(RpoStatus.Stale);
    }

    [Fact]
    public void A_schedule_without_an_interval_is_not_checked()
    {
        var verdict = RpoVerdict.Evaluate(CompletedAt(Started), null, Started, Started + Duration.FromDays(400));

        verdict.Status.ShouldBe(RpoStatus.Unchecked);
        verdict.IsHealthy.ShouldBeTrue();
    }
}
