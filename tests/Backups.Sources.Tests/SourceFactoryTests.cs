using Backups.Sources.Postgres;
using Npgsql;

namespace Backups.Sources.Tests;

public sealed class SourceFactoryTests
{
    [Fact]
    public void Oracle_is_refused_clearly_until_its_dialect_arrives() =>
        Should.Throw<NotSupportedException>(() => SourceFactory.Create("oracle", "scott/tiger@VACOLS")).Message.ShouldContain("Oracle");

    [Fact]
    public void An_unknown_kind_lists_the_known_ones() =>
        Should.Throw<ArgumentException>(() => SourceFactory.Create("mysql", "x")).Message.ShouldContain("postgres, postgresql, sqlite, oracle");

    [Fact]
    public void An_in_memory_sqlite_database_cannot_be_a_source() =>
        Should.Throw<ArgumentException>(() => SourceFactory.Create("sqlite", "Data Source=:memory:"));

    [Fact]
    public void A_postgres_url_becomes_npgsql_settings_with_decoded_parts()
    {
        var settings = PgConnectionSettings.Parse("postgres://app:p%40ss@db.internal:6543/vacols?sslmode=require&application_name=nightly");

        (settings.Host, settings.Port, settings.Username, settings.Password, settings.Database).ShouldBe(("db.internal", 6543, "app", "p@ss", "vacols"));
        settings.SslMode.ShouldBe(SslMode.Require);
        settings.ApplicationName.ShouldBe("nightly");
    }

    [Fact]
    public void An_invalid_postgres_connection_string_is_reported_without_its_password()
    {
        var error = Should.Throw<ArgumentException>(() => SourceFactory.Create("postgres", "Host=db;Password=hunter2;Bogus Keyword=1"));

        error.Message.ShouldContain("Password=***");
        error.Message.ShouldNotContain("hunter2");
    }
}
