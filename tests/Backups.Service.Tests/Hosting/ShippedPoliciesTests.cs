using Backups.Operations.Control;
using System.Net;
using System.Text.Json;
using Backups.Service.Hosting;
using Backups.Service.Scheduling;
using Backups.Service.Tests.Support;
using Backups.TestFixtures;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Backups.Service.Tests.Hosting;

/// <summary>
/// The host starts with every policy this repository ships (the container validated on build), schedules their jobs
/// in their time zones, and connects to nothing while doing so: the VACOLS policy's Oracle source and S3 store, and
/// the PostgreSQL example's source, all point at a port that counts connections.
/// </summary>
public sealed class ShippedPoliciesTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly ConnectionWatch _watch = new();

    [Fact]
    public async Task The_host_starts_with_every_shipped_policy_without_connecting_anywhere()
    {
        var policies = ShippedPolicies();
        var environment = Environment();
        var sink = new CapturingSink();

        await using var service = await ServiceHost.StartAsync(
            TestHosts.Options(_directory, policies, environment: environment) with { LogSink = sink },
            CancellationToken.None);

        var scheduler = await service.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var registry = service.Services.GetRequiredService<PolicyRegistry>();
        registry.All.Select(p => p.Name).ShouldBe(["example-postgres", "local", "vacols"]);
        var jobs = await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(JobKeys.Group));
        jobs.Select(k => k.Name).Order(StringComparer.Ordinal).ShouldBe(
        [
            "retention.example-postgres", "retention.local", "retention.vacols",
            "snapshot.example-postgres", "snapshot.local", "snapshot.vacols",
            "verify.example-postgres", "verify.local", "verify.vacols",
        ]);
        var vacols = (ICronTrigger)(await scheduler.GetTrigger(JobKeys.ScheduleOf(PausableJob.Snapshot, "vacols")))!;
        vacols.CronExpressionString.ShouldBe("0 0 * * * ?");
        vacols.TimeZone.ShouldBe(TimeZoneInfo.Utc);
        var example = (ICronTrigger)(await scheduler.GetTrigger(JobKeys.ScheduleOf(PausableJob.Snapshot, "example-postgres")))!;
        example.TimeZone.Id.ShouldBe("America/New_York");
        example.MisfireInstruction.ShouldBe(CronTriggerMisfireInstruction.FireAndProceed);

        using var http = new HttpClient { BaseAddress = service.HttpAddress };
        var health = await http.GetAsync(new Uri("/health", UriKind.Relative));
        health.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("status").GetString().ShouldBe("healthy");
        json.RootElement.GetProperty("policies").EnumerateArray()
            .Select(p => p.GetProperty("rpo").GetProperty("status").GetString())
            .ShouldAllBe(s => s == "pending");

        // Give the RPO check and anything else that might reach out time to do so.
        await Task.Delay(TimeSpan.FromSeconds(1));
        _watch.Connections.ShouldBe(0);

        // Secrets never reach the log: connection strings are redacted.
        sink.Rendered().ShouldContain(line => line.StartsWith("Policy \"vacols\"", StringComparison.Ordinal));
        sink.Rendered().ShouldNotContain(line => line.Contains("secret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_container_is_validated_when_it_is_built_so_a_registration_that_cannot_be_satisfied_stops_the_start()
    {
        // Nothing ever asks for this service, so without validation on build the host would start regardless.
        var options = TestHosts.Options(_directory, ShippedPolicies(), environment: Environment()) with
        {
            ConfigureServices = s => s.AddSingleton<NeedsMissingDependency>(),
        };

        var error = await Should.ThrowAsync<AggregateException>(() => ServiceHost.StartAsync(options, CancellationToken.None));

        error.Message.ShouldContain(nameof(NeedsMissingDependency));
        error.Message.ShouldContain(nameof(MissingDependency));
    }

    private Dictionary<string, string?> Environment() => new()
    {
        ["VACOLS_CONNECTION"] = $"User Id=vacols;Password=secret;Data Source=127.0.0.1:{_watch.Port}/VACOLS",
        ["VACOLS_SPARE_CONNECTION"] = $"User Id=vacols;Password=secret;Data Source=127.0.0.1:{_watch.Port}/SPARE",
        ["PG_CONNECTION"] = $"Host=127.0.0.1;Port={_watch.Port};Database=app;Username=backup;Password=secret",
        ["AWS_ENDPOINT_URL_S3"] = $"http://127.0.0.1:{_watch.Port}",
        ["AWS_ACCESS_KEY_ID"] = "key",
        ["AWS_SECRET_ACCESS_KEY"] = "secret",
        ["AWS_REGION"] = "us-east-1",
    };

    /// <summary>Every policy file under policies/ (the top level and the examples) copied into one directory.</summary>
    private string ShippedPolicies()
    {
        var root = SharedFixtures.RepositoryRoot ?? throw new DirectoryNotFoundException("cannot find the repository root");
        var target = _directory.Combine("policies");
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "policies"), "*.yaml", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }
        return target;
    }

    public void Dispose()
    {
        _watch.Dispose();
        _directory.Dispose();
    }
}
