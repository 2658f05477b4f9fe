using Backups.Policies.Tests.Support;

namespace Backups.Policies.Tests;

/// <summary>Literal passwords and <c>${VAR}</c> references. Positions refer to <see cref="SamplePolicy"/>'s lines.</summary>
public class SecretsAndEnvironmentTests
{
    private const string Advice =
        "reference an environment variable instead, e.g. Password=${DB_PASSWORD}, or write the whole connection as ${DB_CONNECTION}";

    /// <summary>The sample with another connection and kind (SQLite without the Oracle schema).</summary>
    private static string WithConnection(string connection, string kind = "oracle")
    {
        var text = SamplePolicy.With("  connection: ${VACOLS_CONNECTION}", $"  connection: {connection}")
            .Replace("  kind: oracle", $"  kind: {kind}", StringComparison.Ordinal);
        return kind == "sqlite" ? text.Replace("  schema: VACOLS\n", "", StringComparison.Ordinal) : text;
    }

    [Fact]
    public void A_literal_password_key_is_an_error_at_the_key()
    {
        SamplePolicy.Error(WithConnection("Data Source=db:1521/VACOLS;User Id=backup;Password=secret"))
            .ShouldBe($"4:57: literal password in source.connection (key 'Password'); {Advice}");
    }

    [Fact]
    public void A_quoted_literal_password_under_another_key_name_is_an_error()
    {
        SamplePolicy.Error(WithConnection("Host=db;Username=u;Pwd='se;cret'", "postgres"))
            .ShouldBe($"4:34: literal password in source.connection (key 'Pwd'); {Advice}");
    }

    [Fact]
    public void An_oracle_user_slash_password_login_is_an_error_at_the_password()
    {
        SamplePolicy.Error(WithConnection("scott/tiger@db:1521/VACOLS"))
            .ShouldBe($"4:21: literal password in source.connection (an Oracle user/password@host login); {Advice}");
    }

    [Fact]
    public void A_password_in_a_url_is_an_error_at_the_password()
    {
        SamplePolicy.Error(WithConnection("postgres://backup:secret@db/app", "postgres"))
            .ShouldBe($"4:33: literal password in source.connection (a password in the URL (user:password@host)); {Advice}");
    }

    [Fact]
    public void A_literal_password_in_a_libpq_style_connection_is_an_error()
    {
        SamplePolicy.Error(WithConnection("'host=db user=backup password=secret'", "postgres"))
            .ShouldBe($"4:36: literal password in source.connection (key 'password'); {Advice}");
    }

    [Fact]
    public void A_literal_password_in_a_url_parameter_is_an_error()
    {
        SamplePolicy.Error(WithConnection("postgres://db/app?sslmode=require&password=secret", "postgres"))
            .ShouldBe($"4:49: literal password in source.connection (URL parameter 'password'); {Advice}");
    }

    [Fact]
    public void A_literal_password_in_the_spare_connection_is_an_error()
    {
        SamplePolicy.Error(SamplePolicy.Text + "spare: { connection: \"User Id=drill;Password=hunter2;Data Source=spare/VACOLS\" }\n")
            .ShouldBe($"20:37: literal password in spare.connection (key 'Password'); {Advice}");
    }

    [Theory]
    [InlineData("Host=db;Username=backup;Password=${PG_PASSWORD}", "postgres")]
    [InlineData("Host=db;Username=backup;Password=\"${PG_PASSWORD}\"", "postgres")]
    [InlineData("postgres://backup:${PG_PASSWORD}@db/app", "postgres")]
    [InlineData("postgresql://backup@db/app", "postgres")]
    [InlineData("postgres://backup@db/app?sslmode=require&password=${PG_PASSWORD}", "postgres")]
    [InlineData("host=db user=backup password=${PG_PASSWORD}", "postgres")]
    [InlineData("backup/${ORACLE_PASSWORD}@db:1521/VACOLS", "oracle")]
    [InlineData("/@VACOLS_WALLET", "oracle")]
    [InlineData("User Id=backup;Data Source=db:1521/VACOLS", "oracle")]
    [InlineData("Data Source=.backups/demo.db", "sqlite")]
    public void Passwords_from_the_environment_or_no_password_are_fine(string connection, string kind)
    {
        SamplePolicy.Errors(WithConnection($"'{connection}'", kind)).ShouldBeEmpty();
    }

    [Fact]
    public void Without_an_environment_references_are_kept_as_written()
    {
        var policy = SamplePolicy.Load(SamplePolicy.With("s3://vacols-backups/vacols", "s3://${BACKUP_BUCKET}/vacols")).Policy.ShouldNotBeNull();

        policy.Source.Connection.ShouldBe("${VACOLS_CONNECTION}");
        policy.StoreUrl.ShouldBe("s3://${BACKUP_BUCKET}/vacols");
    }

    [Fact]
    public void With_an_environment_references_are_replaced_by_their_values()
    {
        var environment = new Dictionary<string, string?>
        {
            ["VACOLS_CONNECTION"] = "User Id=backup;Password=from-the-vault;Data Source=db:1521/VACOLS",
            ["BACKUP_BUCKET"] = "vacols-backups-prod",
        };

        var policy = SamplePolicy.Load(SamplePolicy.With("s3://vacols-backups/vacols", "s3://${BACKUP_BUCKET}/vacols"), environment)
            .Policy.ShouldNotBeNull();

        policy.Source.Connection.ShouldBe("User Id=backup;Password=from-the-vault;Data Source=db:1521/VACOLS");
        policy.StoreUrl.ShouldBe("s3://vacols-backups-prod/vacols");
    }

    [Fact]
    public void A_reference_inside_a_connection_string_is_replaced_in_place()
    {
        var environment = new Dictionary<string, string?> { ["PG_PASSWORD"] = "s3cr;t" };

        var policy = SamplePolicy.Load(WithConnection("Host=db;Password=${PG_PASSWORD};Database=app", "postgres"), environment)
            .Policy.ShouldNotBeNull();

        policy.Source.Connection.ShouldBe("Host=db;Password=s3cr;t;Database=app");
    }

    [Fact]
    public void An_unset_variable_is_an_error_naming_it_when_resolving()
    {
        SamplePolicy.Error(SamplePolicy.Text, new Dictionary<string, string?>())
            .ShouldBe("4:15: environment variable 'VACOLS_CONNECTION' is not set (or empty); source.connection refers to it");
    }

    [Fact]
    public void Every_unset_or_empty_variable_is_reported_at_its_reference()
    {
        var environment = new Dictionary<string, string?> { ["PG_HOST"] = "", ["PG_USER"] = "backup" };

        SamplePolicy.Errors(WithConnection("Host=${PG_HOST};Username=${PG_USER};Password=${PG_PASSWORD}", "postgres"), environment).ShouldBe(
        [
            "4:20: environment variable 'PG_HOST' is not set (or empty); source.connection refers to it",
            "4:60: environment variable 'PG_PASSWORD' is not set (or empty); source.connection refers to it",
        ]);
    }

    [Fact]
    public void A_resolved_store_is_checked_in_full()
    {
        var environment = new Dictionary<string, string?> { ["VACOLS_CONNECTION"] = "x", ["BACKUP_BUCKET"] = "Vacols_Backups" };

        SamplePolicy.Error(SamplePolicy.With("s3://vacols-backups/vacols", "s3://${BACKUP_BUCKET}/vacols"), environment)
            .ShouldBe("7:8: bad S3 bucket name 'Vacols_Backups': use only lowercase letters, digits, '.' and '-'");
    }

    [Theory]
    [InlineData("${VACOLS_CONNECTION", "source.connection: unterminated environment reference '${VACOLS_CONNECTION' (write ${NAME})")]
    [InlineData("${}", "source.connection: empty environment reference '${}' (write ${NAME})")]
    [InlineData("${1VACOLS}", "source.connection: bad environment variable name '1VACOLS' (letters, digits and '_', not starting with a digit)")]
    [InlineData("${VACOLS-CONNECTION}", "source.connection: bad environment variable name 'VACOLS-CONNECTION' (letters, digits and '_', not starting with a digit)")]
    public void A_malformed_reference_is_an_error_even_without_an_environment(string connection, string message)
    {
        SamplePolicy.Error(WithConnection(connection)).ShouldBe($"4:15: {message}");
    }

    [Fact]
    public void A_reference_outside_connections_and_store_is_an_error()
    {
        SamplePolicy.Error(SamplePolicy.With("  schema: VACOLS", "  schema: ${VACOLS_SCHEMA}"))
            .ShouldBe("5:11: 'source.schema' cannot use environment references; they are allowed only in source.connection, spare.connection and store");
    }

    [Fact]
    public void The_process_environment_is_available_to_resolve_against()
    {
        PolicyEnvironment.FromProcess().GetValueOrDefault("PATH").ShouldBe(Environment.GetEnvironmentVariable("PATH"));
    }
}
