using Backups.Domain.Retention;
using Backups.Operations.Control;
using Backups.Operations.Retention;
using Backups.Policies;
using NodaTime;
using NodaTime.Testing;
using Period = Backups.Domain.Retention.Period;

namespace Backups.Cli.Tests.Commands;

public sealed class PolicyAcceptCommandTests : IDisposable
{
    private readonly RetentionCliStore _s = new();

    public void Dispose() => _s.Dispose();

    /// <summary>Holds an edit of vacols (daily 14d to 2d over ten daily snapshots), as the service would; returns what it newly expires.</summary>
    private async Task<IReadOnlyList<string>> HoldAsync()
    {
        for (var day = 9; day >= 0; day--)
        {
            await _s.HourlyAsync(1, RetentionCliStore.Now - Duration.FromDays(day) - Duration.FromMinutes(30));
        }
        var clock = new FakeClock(RetentionCliStore.Now);
        var executor = new RetentionExecutor(clock);
        var reviews = new RetentionReviews(_s.Store, clock);
        var policy = PolicyLoader.LoadFile(_s.PolicyFile(retention: "{ daily: 14d }")).Policy!;
        var edited = policy with { Retention = policy.Retention with { Tiers = [new Tier(Period.Daily, RetentionWindow.Parse("2d"))] } };
        await reviews.ReviewAsync(policy, executor, Duration.FromHours(24), "service on test", null, CancellationToken.None);
        var held = await reviews.ReviewAsync(edited, executor, Duration.FromHours(24), "service on test", null, CancellationToken.None);
        held.Outcome.ShouldBe(ReviewOutcome.Held);
        return held.NewlyExpiring;
    }

    [Fact]
    public async Task The_dry_run_shows_the_held_edit_and_accepting_puts_it_in_force()
    {
        var newly = await HoldAsync();

        var dry = await _s.RunAsync("policy", "accept", "vacols", "--store", _s.StorePath, "--dry-run");
        var stillHeld = (await new RetentionReviews(_s.Store, new FakeClock(RetentionCliStore.Now)).GetAsync("vacols", CancellationToken.None))!.Held;
        var accept = RetentionCliStore.Json(await _s.RunAsync("policy", "accept", "vacols", "--store", _s.StorePath, "--json"));
        var again = await _s.RunAsync("policy", "accept", "vacols", "--store", _s.StorePath);

        dry.ExitCode.ShouldBe(0, dry.Error);
        dry.Out.ShouldStartWith("held for review: the edit of vacols seen 2026-11-25T12:00:00Z by service on test: daily 2d; UTC");
        dry.Out.ShouldContain($"{newly.Count} snapshots it newly expires: {string.Join(", ", newly)}");
        dry.Out.ShouldContain("dry run: nothing changed; without acceptance it takes effect at 2026-11-26T12:00:00Z");
        stillHeld.ShouldNotBeNull();
        accept.GetProperty("accepted").GetBoolean().ShouldBeTrue();
        accept.GetProperty("held").GetProperty("newlyExpiring").GetArrayLength().ShouldBe(newly.Count);
        accept.GetProperty("inForce").GetProperty("by").GetString().ShouldBe("alice");
        accept.GetProperty("inForce").GetProperty("terms").GetString().ShouldNotBeNull().ShouldStartWith("daily 2d; UTC");
        again.Out.ShouldStartWith("nothing is held for review for vacols");
        var audit = await _s.RunAsync("audit", "--store", _s.StorePath);
        audit.Out.ShouldContain("intent  accept");
        audit.Out.ShouldContain("accepted by alice");
    }

    [Fact]
    public async Task Without_a_store_it_is_found_like_pause_finds_it_and_an_unknown_policy_is_bad_input()
    {
        await HoldAsync();
        (await _s.RunAsync("list", "--store", _s.StorePath)).ExitCode.ShouldBe(0);

        var accept = await _s.RunAsync("policy", "accept", "vacols");
        var unknown = await _s.RunAsync("policy", "accept", "caseflow");

        accept.ExitCode.ShouldBe(0, accept.Error);
        accept.Out.ShouldStartWith("accepted: the edit of vacols");
        unknown.ExitCode.ShouldBe(2);
        unknown.Error.ShouldContain("cannot find the store of policy 'caseflow'");
    }
}
