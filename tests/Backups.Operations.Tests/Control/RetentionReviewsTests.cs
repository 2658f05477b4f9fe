using Backups.Domain.Policies;
using Backups.Domain.Retention;
using Backups.Operations.Control;
using Backups.Operations.Tests.Support;
using NodaTime;
using Period = Backups.Domain.Retention.Period;

namespace Backups.Operations.Tests.Control;

public sealed class RetentionReviewsTests : IDisposable
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 25, 12, 30);
    private static readonly Duration Delay = Duration.FromHours(24);
    private readonly RetentionStore _s = new(Now);

    public void Dispose() => _s.Dispose();

    private RetentionReviews Reviews => new(_s.Store, _s.Clock);

    private Policy WithTiers(params (Period, string)[] tiers) => _s.Policy() with { Retention = Policies.Tiers(tiers) };

    private Policy Kept => WithTiers((Period.Hourly, "3d"), (Period.Daily, "14d"));

    private Policy Shortened => WithTiers((Period.Hourly, "3d"), (Period.Daily, "3d"));

    private Policy Lengthened => WithTiers((Period.Hourly, "3d"), (Period.Daily, "30d"));

    /// <summary>Ten daily snapshots, the newest at noon today: the daily 14d tier keeps them all.</summary>
    private Task<List<Backups.Snapshots.Manifest>> TenDaysAsync() =>
        SnapshotFactory.WriteSeriesAsync(_s.Store, Now - Duration.FromMinutes(30) - Duration.FromDays(9), Duration.FromDays(1), 10);

    private Task<RetentionReviewVerdict> ReviewAsync(Policy policy, Duration? delay = null, RetentionTerms? previous = null) =>
        Reviews.ReviewAsync(policy, _s.Executor, delay ?? Delay, "node-a", previous, CancellationToken.None);

    [Fact]
    public async Task The_first_review_records_the_terms_in_force_and_lets_retention_apply_them()
    {
        await TenDaysAsync();

        var first = await ReviewAsync(Kept);
        var second = await ReviewAsync(Kept);

        first.Outcome.ShouldBe(ReviewOutcome.Recorded);
        first.MayApply.ShouldBeTrue();
        second.Outcome.ShouldBe(ReviewOutcome.InForce);
        var stored = (await Reviews.GetAsync("vacols", CancellationToken.None)).ShouldNotBeNull();
        stored.InForce.Terms.Describe().ShouldBe("hourly 3d, daily 14d; UTC; max-expire-per-run 50, max-expire-fraction 0.5");
        stored.InForce.By.ShouldBe("node-a (first retention run)");
        stored.Held.ShouldBeNull();
        (await AuditLog.AllAsync(_s.Store)).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_edit_that_expires_nothing_more_takes_effect_at_once_audited()
    {
        await TenDaysAsync();
        await ReviewAsync(Kept);

        var verdict = await ReviewAsync(Lengthened);

        verdict.Outcome.ShouldBe(ReviewOutcome.AcceptedNothingNewlyExpires);
        verdict.MayApply.ShouldBeTrue();
        verdict.Agreement.InForce.Terms.Tiers["daily"].ShouldBe("30d");
        var entries = await AuditLog.AllAsync(_s.Store);
        entries.Select(e => (e.Phase, e.Action)).ShouldBe([("intent", "accept"), ("done", "accept")]);
    }

    [Fact]
    public async Task An_edit_that_would_newly_expire_snapshots_is_held_until_its_review_delay_passes()
    {
        var manifests = await TenDaysAsync();
        await ReviewAsync(Kept);

        var held = await ReviewAsync(Shortened);
        _s.Clock.Advance(Duration.FromHours(23));
        var stillHeld = await ReviewAsync(Shortened);
        _s.Clock.Advance(Duration.FromHours(1));
        var due = await ReviewAsync(Shortened);

        held.Outcome.ShouldBe(ReviewOutcome.Held);
        held.MayApply.ShouldBeFalse();
        var expected = History.Expired(manifests, Shortened.Retention, Now);
        expected.Count.ShouldBeGreaterThan(0);
        held.NewlyExpiring.Order(StringComparer.Ordinal).ShouldBe(expected);
        held.Agreement.Held.ShouldNotBeNull().Until.ShouldBe(Now + Delay);
        held.Agreement.InForce.Terms.Tiers["daily"].ShouldBe("14d");
        stillHeld.Outcome.ShouldBe(ReviewOutcome.StillHeld);
        stillHeld.MayApply.ShouldBeFalse();
        due.Outcome.ShouldBe(ReviewOutcome.AcceptedAfterDelay);
        due.MayApply.ShouldBeTrue();
        due.Agreement.InForce.Terms.Tiers["daily"].ShouldBe("3d");
        due.Agreement.Held.ShouldBeNull();
        var entries = await AuditLog.AllAsync(_s.Store);
        entries.Select(e => (e.Phase, e.Action)).ShouldBe([("intent", "review"), ("done", "review"), ("intent", "accept"), ("done", "accept")]);
        entries[0].Detail.ShouldNotBeNull().ShouldContain($"would newly expire {expected.Count} snapshots: {expected[0]}");
        entries[2].Detail.ShouldNotBeNull().ShouldContain("its review delay passed");
    }

    [Fact]
    public async Task Accepting_puts_the_held_edit_in_force_and_without_a_delay_nothing_else_does()
    {
        await TenDaysAsync();
        await ReviewAsync(Kept);
        (await Reviews.ReviewAsync(Shortened, _s.Executor, null, "node-a", null, CancellationToken.None)).Outcome.ShouldBe(ReviewOutcome.Held);
        _s.Clock.Advance(Duration.FromDays(365));
        (await Reviews.ReviewAsync(Shortened, _s.Executor, null, "node-a", null, CancellationToken.None)).Outcome.ShouldBe(ReviewOutcome.StillHeld);

        var accepted = await Reviews.AcceptAsync("vacols", "alice", CancellationToken.None);
        var again = await Reviews.AcceptAsync("vacols", "alice", CancellationToken.None);
        var after = await ReviewAsync(Shortened);

        accepted.ShouldNotBeNull().Terms.Tiers["daily"].ShouldBe("3d");
        accepted.Until.ShouldBeNull();
        again.ShouldBeNull();
        after.Outcome.ShouldBe(ReviewOutcome.InForce);
        after.Agreement.InForce.By.ShouldBe("alice");
        (await AuditLog.AllAsync(_s.Store)).Last().Detail.ShouldNotBeNull().ShouldContain("accepted by alice");
    }

    [Fact]
    public async Task Without_terms_in_the_store_the_terms_run_before_a_reload_are_the_ones_in_force()
    {
        await TenDaysAsync();

        var verdict = await ReviewAsync(Shortened, previous: RetentionTerms.Of(Kept.Retention));

        verdict.Outcome.ShouldBe(ReviewOutcome.Held);
        verdict.Agreement.InForce.Terms.Tiers["daily"].ShouldBe("14d");
        verdict.Agreement.InForce.By.ShouldBe("node-a (in force before a reload)");
    }

    [Fact]
    public void Terms_read_back_into_the_same_rules()
    {
        var rules = Kept.Retention with { Zone = DateTimeZoneProviders.Tzdb["Europe/Paris"], Guards = new ExpiryGuards(null, 0.25) };

        var terms = RetentionTerms.Of(rules);

        RetentionTerms.Of(terms.ToRules()).SameAs(terms).ShouldBeTrue();
        terms.ToRules().Zone.Id.ShouldBe("Europe/Paris");
        terms.ToRules().Guards.ShouldBe(new ExpiryGuards(null, 0.25));
        terms.ToRules().Tiers.ShouldBe(rules.Tiers);
        terms.SameAs(RetentionTerms.Of(Lengthened.Retention)).ShouldBeFalse();
    }
}
