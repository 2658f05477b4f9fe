using Backups.Operations.Control;
using Backups.Service.Jobs;
using Backups.Service.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Events;

namespace Backups.Service.Tests.Hosting;

/// <summary>
/// Snapshot jobs that fail while connecting (a PostgreSQL source on a port where nothing listens, an Oracle source
/// whose provider is not installed) log their failures, exceptions included, on every sink; the password in the
/// connection string appears in none of them, neither in the events nor in the JSON log file.
/// </summary>
public sealed class RedactionTests : IDisposable
{
    private const string Secret = "hunter2-do-not-log";
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task Job_failures_and_their_exceptions_never_show_the_password_of_a_connection_string()
    {
        var port = ClosedPort();
        _directory.Write("policies/pg.yaml", $$"""
            name: pg
            source: { kind: postgres, connection: "${PG_CONNECTION}", schema: public }
            store: {{_directory.Combine("store")}}
            schedule: "* * * * * ?"
            timezone: UTC
            retention: { hourly: 3d }
            """);
        _directory.Write("policies/ora.yaml", $$"""
            name: ora
            source: { kind: oracle, connection: "${ORA_CONNECTION}", schema: APP }
            store: {{_directory.Combine("store")}}
            schedule: "* * * * * ?"
            timezone: UTC
            retention: { hourly: 3d }
            """);
        var environment = new Dictionary<string, string?>
        {
            ["PG_CONNECTION"] = $"Host=127.0.0.1;Port={port};Database=app;Username=backup;Password={Secret};Timeout=2",
            ["ORA_CONNECTION"] = $"User Id=app;Password={Secret};Data Source=127.0.0.1:{port}/APP",
        };
        var observer = new RecordingObserver();
        var sink = new CapturingSink();
        var options = TestHosts.Options(_directory, _directory.Combine("policies"), environment: environment) with
        {
            SettingsFile = _directory.Write("logging.yaml", "http:\n  listen: 127.0.0.1:0\nlogs:\n  console: false\n  directory: logs\n"),
            LogSink = sink,
            ConfigureServices = s => s.AddSingleton<IJobObserver>(observer),
        };

        await using (var service = await ServiceHost.StartAsync(options, CancellationToken.None))
        {
            await Eventually.WaitUntil(
                () => Failed(observer, "pg") && Failed(observer, "ora"),
                TimeSpan.FromSeconds(20),
                "a failed snapshot of each policy");
        }

        var failures = sink.At(LogEventLevel.Error, "failed after");
        failures.Select(e => e.Properties["Policy"].ToString()).Distinct().Order().ShouldBe(["\"ora\"", "\"pg\""]);
        failures.ShouldAllBe(e => e.Exception != null);
        var everything = string.Join("\n", sink.Events.Select(e => e.RenderMessage(null) + "\n" + e.Exception));
        everything.ShouldContain("Password=***");
        everything.ShouldNotContain(Secret);
        var file = File.ReadAllText(Directory.EnumerateFiles(_directory.Combine("logs"), "backups-*.json").Single());
        file.ShouldContain("\"@x\"");
        file.ShouldNotContain(Secret);
    }

    private static bool Failed(RecordingObserver observer, string policy) =>
        observer.Runs.Any(r => r.Policy == policy && r.Kind == PausableJob.Snapshot && r.Result == RunResult.Failed);

    /// <summary>A loopback port nothing listens on (it was free a moment ago): connecting there is refused.</summary>
    private static int ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public void Dispose() => _directory.Dispose();
}
