using System.Net;
using System.Net.Sockets;
using Backups.TestFixtures.Postgres;
using Npgsql;

namespace Backups.Sources.Tests.Postgres;

public sealed class PostgresConnectionFailureTests
{
    private const string Secret = "S3cret-Pa55word";

    [Fact]
    public async Task An_unreachable_server_is_unavailable_and_the_message_names_it_without_the_password()
    {
        var port = FreePort();
        var source = SourceFactory.Create("postgres", $"Host=127.0.0.1;Port={port};Username=app;Password={Secret};Database=vacols;Timeout=5");

        var error = await Should.ThrowAsync<SourceUnavailableException>(() => source.OpenSnapshotAsync(SourceSelection.All, CancellationToken.None));

        error.Message.ShouldContain($"127.0.0.1:{port}");
        error.Message.ShouldNotContain(Secret);
        error.ToString().ShouldNotContain(Secret);
    }

    [Fact]
    public async Task A_url_connection_string_is_accepted_and_its_password_never_shown()
    {
        var port = FreePort();
        var source = SourceFactory.Create("postgresql", $"postgres://app:{Secret}@127.0.0.1:{port}/vacols?connect_timeout=5");

        var error = await Should.ThrowAsync<SourceUnavailableException>(() => source.OpenSnapshotAsync(SourceSelection.All, CancellationToken.None));

        error.Message.ShouldContain($"127.0.0.1:{port}");
        error.ToString().ShouldNotContain(Secret);
    }

    [PostgresFact]
    public async Task An_unknown_user_is_refused_with_a_message_naming_the_user_but_not_the_password()
    {
        var settings = new NpgsqlConnectionStringBuilder(PostgresServer.Configured) { Username = "no_such_user", Password = Secret };

        var error = await Should.ThrowAsync<SourceUnavailableException>(
            () => SourceFactory.Create("postgres", settings.ConnectionString).OpenSnapshotAsync(SourceSelection.All, CancellationToken.None));

        error.Message.ShouldContain("no_such_user");
        error.ToString().ShouldNotContain(Secret);
    }

    [PostgresFact]
    public async Task A_wrong_password_is_refused_with_a_message_naming_the_user_but_not_the_password()
    {
        // A role the server checks by SCRAM password (every other login on the test server is trusted).
        var right = await PasswordRole.ConnectionStringAsync(PostgresServer.Configured!);
        var settings = new NpgsqlConnectionStringBuilder(right) { Password = Secret };

        var error = await Should.ThrowAsync<SourceUnavailableException>(
            () => SourceFactory.Create("postgres", settings.ConnectionString).OpenSnapshotAsync(SourceSelection.All, CancellationToken.None));

        error.Message.ShouldContain($"refused the login of user '{PasswordRole.Name}': wrong password or user");
        error.Message.ShouldContain($"{settings.Host}:{settings.Port}");
        error.ToString().ShouldNotContain(Secret);
        error.ToString().ShouldNotContain(PasswordRole.Password);
    }

    [PostgresFact]
    public async Task An_unknown_database_is_reported_by_name()
    {
        var settings = new NpgsqlConnectionStringBuilder(PostgresServer.Configured) { Database = "no_such_database", Password = Secret };

        var error = await Should.ThrowAsync<SourceUnavailableException>(
            () => SourceFactory.Create("postgres", settings.ConnectionString).OpenSnapshotAsync(SourceSelection.All, CancellationToken.None));

        error.Message.ShouldContain("Database 'no_such_database' does not exist");
        error.ToString().ShouldNotContain(Secret);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
