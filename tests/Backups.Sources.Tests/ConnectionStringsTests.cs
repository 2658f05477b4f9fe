namespace Backups.Sources.Tests;

public sealed class ConnectionStringsTests
{
    [Theory]
    [InlineData("Host=db;Username=app;Password=hunter2;Database=vacols", "Host=db;Username=app;Password=***;Database=vacols")]
    [InlineData("Host=db;PWD=hunter2", "Host=db;PWD=***")]
    [InlineData("password=hunter2", "password=***")]
    [InlineData("Password='hun;ter2';Host=db", "Password=***;Host=db")]
    [InlineData("Password=\"hun\"\"ter2\";Host=db", "Password=***;Host=db")]
    [InlineData("Host=db; SSL Password=hunter2 ;Database=x", "Host=db; SSL Password=***;Database=x")]
    [InlineData("User Id=scott;Password=hunter2;Data Source=dbhost:1521/ORCL", "User Id=scott;Password=***;Data Source=dbhost:1521/ORCL")]
    [InlineData("host=db user=app password=hunter2 dbname=vacols", "host=db user=app password=*** dbname=vacols")]
    [InlineData("host=db password='hun ter2' dbname=vacols", "host=db password=*** dbname=vacols")]
    [InlineData("postgres://app:hunter2@db:5432/vacols?sslmode=require", "postgres://app:***@db:5432/vacols?sslmode=require")]
    [InlineData("postgresql://app:hun%40ter2@db/vacols", "postgresql://app:***@db/vacols")]
    [InlineData("postgres://app:hun@ter2@db/vacols", "postgres://app:***@db/vacols")]
    [InlineData("postgres://app@db/vacols?sslmode=require&password=hunter2", "postgres://app@db/vacols?sslmode=require&password=***")]
    [InlineData("scott/hunter2@//dbhost:1521/ORCL", "scott/***@//dbhost:1521/ORCL")]
    [InlineData("scott/hunter2@VACOLS", "scott/***@VACOLS")]
    public void Secrets_are_masked_and_everything_else_kept(string connection, string expected)
    {
        var redacted = ConnectionStrings.Redact(connection);

        redacted.ShouldBe(expected);
        redacted.ShouldNotContain("hunter2");
        redacted.ShouldNotContain("ter2");
    }

    [Theory]
    [InlineData("Host=db;Username=app;Database=vacols")]
    [InlineData("Data Source=/var/lib/app/vacols.db")]
    [InlineData("/var/lib/app/vacols.db")]
    [InlineData("postgres://app@db/vacols")]
    [InlineData("host=db user=app dbname=vacols")]
    public void A_connection_string_without_secrets_is_unchanged(string connection) =>
        ConnectionStrings.Redact(connection).ShouldBe(connection);
}
