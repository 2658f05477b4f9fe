using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Backups.Cli;
using Backups.Cli.Infrastructure;
using Backups.Service.Jobs;
using Backups.Service.Scheduling;
using Backups.Service.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Serilog.Events;

namespace Backups.Service.Tests.Reload;

/// <summary>
/// The service re-reads its policy directory on <c>POST /reload</c> and SIGHUP, with real policy files and a clock the
/// test moves: invalid edits change nothing, valid ones are logged field by field and rescheduled, and a retention edit
/// that would newly expire snapshots is held until accepted or its review delay passes.
/// </summary>
public sealed class PolicyReloadTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task An_invalid_edit_is_rejected_with_every_error_and_the_running_policies_stay_in_force()
    {
        await using var host = await ReloadHost.StartAsync(_directory);
        File.WriteAllText(host.PolicyFile, ReloadHost.Policy(_directory, "-3d", schedule: "0 0 0 1 2 ?"));
        var broken = _directory.Write("policies/other.yaml", "name: Other\n");

        var response = await host.Http.PostAsync(new Uri("/reload", UriKind.Relative), null);

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("status").GetString().ShouldBe("rejected");
        var errors = json.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList();
        errors.ShouldContain(e => e.StartsWith($"{host.PolicyFile}:6:", StringComparison.Ordinal) && e.Contains("negative", StringComparison.Ordinal));
        errors.ShouldContain(e => e.StartsWith($"{broken}:1:7:", StringComparison.Ordinal));
        host.Sink.At(LogEventLevel.Error, "Reload rejected: {Error}").Count.ShouldBe(errors.Count);
        host.Sink.Rendered().ShouldContain(line => line.Contains("rejected with", StringComparison.Ordinal) && line.Contains("the running policies stay in force", StringComparison.Ordinal));
        host.Service.Services.GetRequiredService<PolicyRegistry>().All.ShouldHaveSingleItem().Policy.Retention.Tiers.Single().Window.ToString().ShouldBe("14d");
        ((ICronTrigger)(await host.SnapshotTriggerAsync())!).CronExpressionString.ShouldBe("0 0 0 1 1 ?");
    }

    [Fact]
    public async Task A_retention_edit_that_would_newly_expire_snapshots_is_logged_and_held_until_accepted()
    {
        await using var host = await ReloadHost.StartAsync(_directory);
        (await host.RetentionAsync()).Result.ShouldBe(RunResult.Succeeded);
        (await host.StoredAsync()).ShouldBe(host.Snapshots);
        var newly = host.NewlyExpiredUnder("2d");
        newly.Count.ShouldBeGreaterThan(0);
        File.WriteAllText(host.PolicyFile, ReloadHost.Policy(_directory, "2d", schedule: "0 0 0 1 2 ?"));

        var response = await host.Http.PostAsync(new Uri("/reload", UriKind.Relative), null);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var change = json.RootElement.GetProperty("changed").EnumerateArray().ShouldHaveSingleItem();
        change.GetProperty("policy").GetString().ShouldBe("app");
        change.GetProperty("fields").EnumerateArray().Select(f => (f.GetProperty("field").GetString(), f.GetProperty("old").GetString(), f.GetProperty("new").GetString()))
            .ShouldBe([("schedule", "0 0 0 1 1 ?", "0 0 0 1 2 ?"), ("retention.daily", "14d", "2d")]);
        var retention = change.GetProperty("retention");
        retention.GetProperty("outcome").GetString().ShouldBe("Held");
        retention.GetProperty("heldUntil").GetString().ShouldBe("2030-01-11T12:30:00Z");
        retention.GetProperty("newlyExpiring").EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal).ShouldBe(newly);
        var rendered = host.Sink.Rendered();
        rendered.ShouldContain("Policy \"app\" changed: \"retention.daily\": \"14d\" -> \"2d\"");
        rendered.ShouldContain("Policy \"app\" changed: \"schedule\": \"0 0 0 1 1 ?\" -> \"0 0 0 1 2 ?\"");
        var held = host.Sink.At(LogEventLevel.Error, "HELD FOR REVIEW").ShouldHaveSingleItem().RenderMessage(null);
        newly.ShouldAllBe(id => held.Contains(id, StringComparison.Ordinal));
        ((ICronTrigger)(await host.SnapshotTriggerAsync())!).CronExpressionString.ShouldBe("0 0 0 1 2 ?");

        // Held: retention runs, expires nothing, and says so loudly each time.
        (await host.RetentionAsync()).Result.ShouldBe(RunResult.Skipped);
        (await host.StoredAsync()).ShouldBe(host.Snapshots);
        host.Sink.At(LogEventLevel.Error, "HELD FOR REVIEW").Count.ShouldBe(2);
        using (var health = JsonDocument.Parse(await host.Http.GetStringAsync(new Uri("/health", UriKind.Relative))))
        {
            var review = health.RootElement.GetProperty("policies")[0].GetProperty("retentionHeldForReview");
            review.GetProperty("newlyExpiring").GetArrayLength().ShouldBe(newly.Count);
            review.GetProperty("until").GetString().ShouldBe("2030-01-11T12:30:00Z");
        }
        (await host.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative))).ShouldContain("backups_retention_held{policy=\"app\"} 1\n");

        // An operator accepts (no --store: the catalog says where app's snapshots are); the next run applies the edit.
        var (context, output, errors) = CliContexts.Create(_directory, ("BACKUPS_CATALOG", host.CatalogPath), ("USER", "alice"));
        (await CliApp.RunAsync(["policy", "accept", "app"], context, CancellationToken.None)).ShouldBe(ExitCodes.Ok, errors.ToString());
        output.ToString().ShouldStartWith("accepted: the edit of app seen 2030-01-10T12:30:00Z");
        (await host.RetentionAsync()).Result.ShouldBe(RunResult.Succeeded);
        (await host.StoredAsync()).ShouldBe(host.Snapshots.Except(newly));
        (await host.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative))).ShouldContain("backups_retention_held{policy=\"app\"} 0\n");
    }

    [Fact]
    public async Task A_held_edit_takes_effect_by_itself_once_the_review_delay_has_passed()
    {
        await using var host = await ReloadHost.StartAsync(_directory, "retention:\n  review-delay: 2h\n");
        await host.RetentionAsync();
        var newly = host.NewlyExpiredUnder("2d");
        File.WriteAllText(host.PolicyFile, ReloadHost.Policy(_directory, "2d"));
        (await host.Http.PostAsync(new Uri("/reload", UriKind.Relative), null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        host.Time.Advance(TimeSpan.FromHours(1));
        (await host.RetentionAsync()).Result.ShouldBe(RunResult.Skipped);
        host.Time.Advance(TimeSpan.FromHours(1));
        (await host.RetentionAsync()).Result.ShouldBe(RunResult.Succeeded);

        (await host.StoredAsync()).ShouldBe(host.Snapshots.Except(newly));
        host.Sink.At(LogEventLevel.Warning, "its review delay passed").ShouldHaveSingleItem();
    }

    [Fact]
    public async Task An_edit_that_expires_nothing_more_takes_effect_at_the_reload_and_sighup_reloads_too()
    {
        await using var host = await ReloadHost.StartAsync(_directory);
        await host.RetentionAsync();
        File.WriteAllText(host.PolicyFile, ReloadHost.Policy(_directory, "30d", schedule: "0 0 0 1 3 ?"));

        using (var kill = Process.Start("kill", ["-HUP", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }
        try
        {
            // Generous: the signal is handled on a thread of its own, and other tests' hosts in this process load the machine.
            await Eventually.WaitUntil(() => host.Sink.Rendered().Any(l => l.StartsWith("Reload (\"SIGHUP\") done", StringComparison.Ordinal)), TimeSpan.FromSeconds(30), "the reload on SIGHUP");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}; the host logged:{Environment.NewLine}{string.Join(Environment.NewLine, host.Sink.Rendered())}", e);
        }

        ((ICronTrigger)(await host.SnapshotTriggerAsync())!).CronExpressionString.ShouldBe("0 0 0 1 3 ?");
        host.Sink.Rendered().ShouldContain(line => line.Contains("expire nothing the terms before kept; in force now", StringComparison.Ordinal));
        host.Sink.At(LogEventLevel.Error, "HELD FOR REVIEW").ShouldBeEmpty();
        (await host.RetentionAsync()).Result.ShouldBe(RunResult.Succeeded);
        (await host.StoredAsync()).ShouldBe(host.Snapshots);
    }

    public void Dispose() => _directory.Dispose();
}
