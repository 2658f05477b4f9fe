using Backups.Operations.Control;
using Backups.Service.Jobs;
using Backups.Service.Scheduling;
using Backups.Service.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Quartz;
using Serilog.Events;

namespace Backups.Service.Tests.UseCases;

/// <summary>The verify job re-reads the newest snapshot and random others; a damaged object fails the job with an ERROR per problem.</summary>
public sealed class VerificationTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task The_verify_job_passes_intact_snapshots_and_fails_on_a_damaged_one()
    {
        var database = SqliteDatabase.Create(_directory.Combine("app.db"), rows: 30);
        var store = _directory.Combine("store");
        var policyFile = _directory.Write("policies/app.yaml", PolicyYaml.Local("app", database, store, "0 0 0 1 * ?"));
        var options = TestHosts.Options(_directory, _directory.Combine("policies"), settings: "verify:\n  random: 1\n");
        var start = Instant.FromUtc(2026, 1, 1, 0, 0);
        var ids = new List<string>();
        for (var day = 0; day < 4; day++)
        {
            ids.Add(await EarlierSnapshots.TakeAsync(policyFile, options.DefaultCatalogPath, start + Duration.FromDays(day)));
        }
        var observer = new RecordingObserver();
        var sink = new CapturingSink();

        await using var service = await ServiceHost.StartAsync(
            options with { LogSink = sink, ConfigureServices = s => s.AddSingleton<IJobObserver>(observer) },
            CancellationToken.None);
        var scheduler = await service.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        await scheduler.TriggerJob(JobKeys.For(PausableJob.Verify, "app"), null, CancellationToken.None);
        await Eventually.WaitUntil(() => observer.Runs.Any(r => r.Kind == PausableJob.Verify), TimeSpan.FromSeconds(10), "the first verification");
        observer.Runs.Single().Result.ShouldBe(RunResult.Succeeded);
        var verified = sink.At(LogEventLevel.Information, "Verified {SnapshotId}").Select(e => e.Properties["SnapshotId"].ToString().Trim('"')).ToList();
        verified.Count.ShouldBe(2);
        verified[0].ShouldBe(ids[^1]);
        ids.ShouldContain(verified[1]);

        Damage(Directory.EnumerateFiles(Path.Combine(store, "snapshots", ids[^1]), "*.parquet", SearchOption.AllDirectories).First());
        await scheduler.TriggerJob(JobKeys.For(PausableJob.Verify, "app"), null, CancellationToken.None);
        await Eventually.WaitUntil(() => observer.Runs.Count(r => r.Kind == PausableJob.Verify) == 2, TimeSpan.FromSeconds(10), "the second verification");

        var failed = observer.Runs[^1];
        failed.Result.ShouldBe(RunResult.Failed);
        failed.Error.ShouldBe("1 of 2 sampled snapshots of app do not match their manifests");
        sink.At(LogEventLevel.Error, "Verification of {SnapshotId}").ShouldNotBeEmpty();
        using var http = new HttpClient { BaseAddress = service.HttpAddress };
        (await http.GetStringAsync(new Uri("/metrics", UriKind.Relative))).ShouldContain("backups_job_failures_total{policy=\"app\",job=\"verify\"} 1\n");
    }

    /// <summary>Flips one byte in the middle of a file: same size, different SHA-256.</summary>
    private static void Damage(string path)
    {
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(path, bytes);
    }

    public void Dispose() => _directory.Dispose();
}
