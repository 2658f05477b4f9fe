using System.Net;
using System.Net.Sockets;
using Backups.IntegrationTests.Support;
using Backups.TestFixtures.AllTypes;
using Backups.TestFixtures.Postgres;

namespace Backups.IntegrationTests;

/// <summary>What the operator sees when the database, the store, the id or the policy is wrong: one clear message, the documented exit code, no snapshot.</summary>
public sealed class BadInputTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    private const string Password = "n0t-in-any-message";

    [Fact]
    public async Task An_unreachable_database_exits_3_without_the_password_and_stores_nothing()
    {
        using var workspace = new Workspace();
        var port = ClosedPort();
        var connection = $"Host=127.0.0.1;Port={port};Username=backup;Password={Password};Database=vacols;Timeout=5";
        var policy = workspace.WritePolicy(TestPolicies.Postgres("unreachable", "public", workspace.StoreUrl));

        var result = await workspace.RunExpectingAsync(3, "snapshot", "--policy", policy, "--source", $"postgres:{connection}");

        result.Error.ShouldContain("127.0.0.1");
        result.All.ShouldNotContain(Password);
        workspace.StoreKeys("snapshots/").ShouldBeEmpty();
        Json.Parse(await workspace.RunExpectingAsync(0, "list", "--json")).GetArrayLength().ShouldBe(0);
    }

    [S3Fact]
    public async Task An_unreachable_S3_store_exits_3_and_takes_no_snapshot()
    {
        S3TestEnvironment.Require(); // the credentials come from the environment, the endpoint is overridden below
        using var workspace = new Workspace();
        var database = SmallSqliteDatabase(workspace);
        var endpoint = $"http://127.0.0.1:{ClosedPort()}";
        workspace.Environment["AWS_ENDPOINT_URL_S3"] = endpoint;
        var policy = workspace.WritePolicy(TestPolicies.Local("unreachable-store", database, "s3://backups-unreachable/x"));

        var result = await workspace.RunExpectingAsync(3, "snapshot", "--policy", policy);

        result.Error.ShouldContain("127.0.0.1");
        result.Error.ShouldContain("nothing partial is visible");
        Json.Parse(await workspace.RunExpectingAsync(0, "list", "--json")).GetArrayLength().ShouldBe(0);
    }

    [PostgresFact]
    public async Task Database_credentials_the_server_refuses_exit_3_naming_the_user_without_the_password_or_a_stack_trace()
    {
        using var workspace = new Workspace();
        var settings = new Npgsql.NpgsqlConnectionStringBuilder(PostgresServer.Configured!) { Username = "no_such_backup_user", Password = Password };
        var policy = workspace.WritePolicy(TestPolicies.Postgres("credentials", "public", workspace.StoreUrl));

        var result = await workspace.RunExpectingAsync(3, "snapshot", "--policy", policy, "--source", $"postgres:{settings.ConnectionString}");

        result.Error.Trim().Split('\n').Length.ShouldBe(1, result.ToString());
        result.Error.ShouldContain("refused the login of user 'no_such_backup_user'");
        result.Error.ShouldContain($"{settings.Host}:{settings.Port}");
        result.All.ShouldNotContain(Password);
        result.All.ShouldNotContain("   at ");
        workspace.StoreKeys("snapshots/").ShouldBeEmpty();
    }

    [PostgresFact]
    public async Task A_wrong_database_password_exits_3_for_a_snapshot_and_for_a_restore_target_without_printing_it()
    {
        using var workspace = new Workspace();
        var wrong = new Npgsql.NpgsqlConnectionStringBuilder(await PasswordRole.ConnectionStringAsync(PostgresServer.Configured!)) { Password = Password };
        var policy = workspace.WritePolicy(TestPolicies.Postgres("password", "public", workspace.StoreUrl));

        var snapshot = await workspace.RunExpectingAsync(3, "snapshot", "--policy", policy, "--source", $"postgres:{wrong.ConnectionString}");

        snapshot.Error.Trim().Split('\n').Length.ShouldBe(1, snapshot.ToString());
        snapshot.Error.ShouldContain($"refused the login of user '{PasswordRole.Name}': wrong password or user");
        snapshot.All.ShouldNotContain(Password);
        snapshot.All.ShouldNotContain("   at ");
        workspace.StoreKeys("snapshots/").ShouldBeEmpty();

        // A snapshot to restore, then the same wrong password on the restore target.
        var database = SmallSqliteDatabase(workspace);
        var local = workspace.WritePolicy(TestPolicies.Local("password-restore", database, workspace.StoreUrl), "local.yaml");
        var id = Json.Parse(await workspace.RunExpectingAsync(0, "snapshot", "--policy", local, "--json")).GetProperty("id").GetString()!;

        var restore = await workspace.RunExpectingAsync(3, "restore", "--store", workspace.StoreUrl, "--snapshot", id, "--to", $"postgres:{wrong.ConnectionString}");

        restore.Error.ShouldContain($"refused the login of user '{PasswordRole.Name}'");
        restore.All.ShouldNotContain(Password);
        restore.All.ShouldNotContain("   at ");
    }

    [S3Theory]
    [InlineData("AWS_SECRET_ACCESS_KEY", "wrong-secret-never-printed-1234567890")]
    [InlineData("AWS_ACCESS_KEY_ID", "NOSUCHACCESSKEY00000")]
    public async Task S3_credentials_the_server_refuses_exit_3_without_printing_the_secret(string variable, string wrong)
    {
        await using var bucket = await TestBucket.CreateAsync();
        using var workspace = new Workspace();
        var database = SmallSqliteDatabase(workspace);
        workspace.Environment[variable] = wrong;
        var secret = workspace.Environment["AWS_SECRET_ACCESS_KEY"]!;
        var policy = workspace.WritePolicy(TestPolicies.Local("s3-credentials", database, bucket.Url("denied")));

        // The real program: the AWS SDK reads credentials from the process environment.
        using var cli = CliProcess.Start(workspace, "snapshot", "--policy", policy);
        var exit = await cli.WaitForExitAsync(TimeSpan.FromMinutes(1));

        exit.ShouldBe(3, cli.Output);
        var error = cli.Output[(cli.Output.IndexOf("--- stderr ---", StringComparison.Ordinal) + 14)..].Trim();
        error.Split('\n').Length.ShouldBe(1, cli.Output);
        error.ShouldContain("access denied by");
        error.ShouldContain("check credentials");
        error.ShouldContain("nothing partial is visible");
        cli.Output.ShouldNotContain(secret);
        cli.Output.ShouldNotContain("   at ");
        (await bucket.KeysAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_unknown_snapshot_id_makes_show_and_verify_exit_2_saying_so()
    {
        using var workspace = new Workspace();
        var database = SmallSqliteDatabase(workspace);
        var policy = workspace.WritePolicy(TestPolicies.Local("ids", database, workspace.StoreDirectory));
        await workspace.RunExpectingAsync(0, "snapshot", "--policy", policy);
        const string unknown = "20261125T120000Z-00000000";

        foreach (var command in new[] { "show", "verify" })
        {
            var inStore = await workspace.RunExpectingAsync(2, command, unknown, "--store", workspace.StoreUrl);
            inStore.Error.ShouldContain($"unknown snapshot id '{unknown}'");
            var inCatalog = await workspace.RunExpectingAsync(2, command, unknown);
            inCatalog.Error.ShouldContain($"unknown snapshot id '{unknown}'");
            var malformed = await workspace.RunExpectingAsync(2, command, "latest", "--store", workspace.StoreUrl);
            malformed.Error.ShouldContain("latest");
        }
    }

    [PostgresFact]
    public async Task A_column_of_an_unsupported_type_exits_2_naming_the_table_and_the_column()
    {
        using var workspace = new Workspace();
        var connection = await postgres.CreateDatabaseAsync("backups_integ_unsupported");
        await Sql.ExecuteAsync(connection, """
            CREATE TABLE public.fine (id integer PRIMARY KEY);
            CREATE TABLE public.odd (id integer PRIMARY KEY, owner_table regclass);
            INSERT INTO public.odd VALUES (1, 'public.fine');
            """);
        var policy = workspace.WritePolicy(TestPolicies.Postgres("unsupported", "public", workspace.StoreUrl));

        var result = await workspace.RunExpectingAsync(2, "snapshot", "--policy", policy, "--source", $"postgres:{connection}");

        result.Error.ShouldContain("odd");
        result.Error.ShouldContain("owner_table");
        result.Error.ShouldContain("regclass");
        workspace.StoreKeys("snapshots/").ShouldBeEmpty();
    }

    [Fact]
    public async Task An_include_pattern_that_matches_no_table_exits_2_naming_the_pattern()
    {
        using var workspace = new Workspace();
        var database = SmallSqliteDatabase(workspace);
        var policy = workspace.WritePolicy(TestPolicies.Local("nothing", database, workspace.StoreDirectory, tables: [AllTypesFixture.TableName, "brief*"]));

        var result = await workspace.RunExpectingAsync(2, "snapshot", "--policy", policy);

        result.Error.ShouldContain("brief*");
        workspace.StoreKeys("snapshots/").ShouldBeEmpty();
    }

    private static string SmallSqliteDatabase(Workspace workspace)
    {
        var path = Path.Combine(workspace.Root, "small.db");
        AllTypesFixture.CreateSqlite(path);
        return path;
    }

    /// <summary>A loopback port nothing listens on (bound, then released).</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
