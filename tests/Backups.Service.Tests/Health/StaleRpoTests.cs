using System.Net;
using System.Text.Json;
using Backups.Service.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using Serilog.Events;

namespace Backups.Service.Tests.Health;

/// <summary>
/// The RPO alert on a clock the test moves: a monthly policy whose only snapshot gets older than two months turns
/// /health to 503 and logs an ERROR at every check, after confirming against the store.
/// </summary>
public sealed class StaleRpoTests : IDisposable
{
    private static readonly Instant SnapshotTime = Instant.FromUtc(2030, 1, 1, 0, 0);
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task Health_turns_unhealthy_and_an_error_is_logged_at_every_check_once_the_newest_snapshot_is_too_old()
    {
        var database = SqliteDatabase.Create(_directory.Combine("app.db"), rows: 5);
        var store = _directory.Combine("store");
        // Monthly at midnight on the 1st: the schedule allows 31 days x 2 (it does not fire while the test runs).
        var policyFile = _directory.Write("policies/app.yaml", PolicyYaml.Local("app", database, store, "0 0 0 1 * ?"));
        var options = TestHosts.Options(_directory, _directory.Combine("policies"), settings: "rpo:\n  check-every: 1m\n");
        await EarlierSnapshots.TakeAsync(policyFile, options.DefaultCatalogPath, SnapshotTime);
        var time = new FakeTimeProvider(SnapshotTime.ToDateTimeOffset().AddDays(1));
        var sink = new CapturingSink();

        await using var service = await ServiceHost.StartAsync(
            options with { TimeProvider = time, SchedulerTimeProvider = TimeProvider.System, LogSink = sink },
            CancellationToken.None);
        using var http = new HttpClient { BaseAddress = service.HttpAddress };

        var fresh = await http.GetAsync(new Uri("/health", UriKind.Relative));
        fresh.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await RpoOf(fresh)).ShouldBe("ok");
        sink.At(LogEventLevel.Error, "RPO breached").ShouldBeEmpty();

        time.Advance(TimeSpan.FromDays(70));
        await Eventually.WaitUntil(() => sink.At(LogEventLevel.Error, "RPO breached").Count >= 1, TimeSpan.FromSeconds(10), "the first RPO error");
        var stale = await http.GetAsync(new Uri("/health", UriKind.Relative));
        stale.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await RpoOf(stale)).ShouldBe("stale");
        sink.Rendered().ShouldContain(line => line.StartsWith("RPO breached for \"app\": the newest complete snapshot", StringComparison.Ordinal)
            && line.Contains("is \"71d 0h\" old; its schedule allows \"62d 0h\"", StringComparison.Ordinal));

        // The fake clock's jump may deliver a second tick; let it settle, then one more minute is one more check.
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        var errors = sink.At(LogEventLevel.Error, "RPO breached").Count;
        time.Advance(TimeSpan.FromMinutes(1));
        await Eventually.WaitUntil(() => sink.At(LogEventLevel.Error, "RPO breached").Count == errors + 1, TimeSpan.FromSeconds(10), "the next check's RPO error");
        var metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        metrics.ShouldContain("backups_rpo_breached{policy=\"app\"} 1\n");
    }

    private static async Task<string?> RpoOf(HttpResponseMessage health)
    {
        using var json = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("policies")[0].GetProperty("rpo").GetProperty("status").GetString();
    }

    public void Dispose() => _directory.Dispose();
}
