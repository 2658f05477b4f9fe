using Backups.Service.Tests.Support;

namespace Backups.Service.Tests.Hosting;

/// <summary>An invalid policy or settings file stops the start with every error at its file, line and column.</summary>
public sealed class InvalidConfigurationTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task An_invalid_policy_stops_the_start_with_its_errors_at_file_line_and_column()
    {
        var good = _directory.Write("policies/good.yaml", PolicyYaml.Local("good", _directory.Combine("good.db"), _directory.Combine("store"), "0 0 * * * ?"));
        var bad = _directory.Write("policies/bad.yaml", """
            name: bad
            source:
              kind: sqlite
              connection: ${UNSET_DATABASE}
            store: /tmp/store
            schedule: "every hour"
            retention:
              hourly: 3d
            """);

        var error = await Should.ThrowAsync<ServiceStartupException>(() =>
            ServiceHost.StartAsync(TestHosts.Options(_directory, _directory.Combine("policies")), CancellationToken.None));

        error.Errors.Count.ShouldBe(2);
        error.Errors[0].ShouldStartWith($"{bad}:4:15: ");
        error.Errors[0].ShouldContain("UNSET_DATABASE");
        error.Errors[1].ShouldStartWith($"{bad}:6:12: ");
        error.Errors.ShouldNotContain(e => e.Contains(good, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_invalid_settings_file_stops_the_start_before_any_policy_is_read()
    {
        var options = TestHosts.Options(_directory, _directory.Combine("missing-policies"), settings: "rpo:\n  stale-factor: none\n");

        var error = await Should.ThrowAsync<ServiceStartupException>(() => ServiceHost.StartAsync(options, CancellationToken.None));

        error.Errors.Single().ShouldBe($"{options.SettingsFile}:6:17: 'rpo.stale-factor' must be a number from 1 to 1000");
    }

    [Fact]
    public async Task An_empty_or_missing_policy_directory_is_an_error()
    {
        Directory.CreateDirectory(_directory.Combine("empty"));

        var empty = await Should.ThrowAsync<ServiceStartupException>(() =>
            ServiceHost.StartAsync(TestHosts.Options(_directory, _directory.Combine("empty")), CancellationToken.None));
        var missing = await Should.ThrowAsync<ServiceStartupException>(() =>
            ServiceHost.StartAsync(TestHosts.Options(_directory, _directory.Combine("nowhere")), CancellationToken.None));

        empty.Errors.Single().ShouldBe($"{_directory.Combine("empty")}: no policy files (*.yaml) in the policy directory");
        missing.Errors.Single().ShouldBe($"{_directory.Combine("nowhere")}: policy directory not found");
    }

    [Fact]
    public async Task A_listen_address_in_use_stops_the_start_and_says_so()
    {
        var database = SqliteDatabase.Create(_directory.Combine("app.db"), rows: 1);
        _directory.Write("policies/app.yaml", PolicyYaml.Local("app", database, _directory.Combine("store"), "0 0 * * * ?"));
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        var options = TestHosts.Options(_directory, _directory.Combine("policies")) with { Listen = $"127.0.0.1:{port}" };

        var error = await Should.ThrowAsync<ServiceStartupException>(() => ServiceHost.StartAsync(options, CancellationToken.None));

        error.Errors.Single().ShouldBe($"cannot listen on 127.0.0.1:{port}: the address is in use (set http.listen or --listen)");
    }

    public void Dispose() => _directory.Dispose();
}
