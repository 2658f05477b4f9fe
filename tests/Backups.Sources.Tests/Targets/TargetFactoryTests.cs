using Backups.Sources.Targets;
using Backups.Sources.Tests.Support;

namespace Backups.Sources.Tests.Targets;

public sealed class TargetFactoryTests : IDisposable
{
    private readonly TemporaryDirectory directory = new();

    [Fact]
    public void Oracle_is_refused_with_a_clear_message()
    {
        var error = Should.Throw<NotSupportedException>(() => TargetFactory.Create("oracle", "scott/tiger@vacols"));

        error.Message.ShouldContain("Oracle");
        error.Message.ShouldNotContain("tiger");
    }

    [Fact]
    public void An_unknown_kind_lists_the_known_ones()
    {
        Should.Throw<ArgumentException>(() => TargetFactory.Create("mysql", "x")).Message.ShouldContain("postgres, postgresql, sqlite, oracle");
    }

    [Fact]
    public void An_in_memory_sqlite_database_is_refused()
    {
        Should.Throw<ArgumentException>(() => TargetFactory.Create("sqlite", "Data Source=:memory:"));
    }

    [Fact]
    public async Task A_sqlite_file_in_a_missing_directory_is_unavailable()
    {
        var path = Path.Combine(directory.Path, "missing", "spare.db");

        var error = await Should.ThrowAsync<SourceUnavailableException>(() => TargetFactory.OpenAsync("sqlite", path, "sqlite", CancellationToken.None));

        error.Message.ShouldContain(Path.Combine(directory.Path, "missing"));
    }

    [Fact]
    public async Task A_missing_sqlite_file_is_created_and_identified_by_its_full_path()
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, directory.File("spare.db"));

        await using var session = await TargetFactory.OpenAsync("sqlite", relative, "sqlite", CancellationToken.None);

        File.Exists(directory.File("spare.db")).ShouldBeTrue();
        session.Identity.Kind.ShouldBe("sqlite");
        session.Identity.Server.ShouldBeNull();
        session.Identity.Database.ShouldBe(directory.File("spare.db"));
        session.Identity.ServerVersion.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task An_unreachable_postgres_target_is_unavailable_and_the_password_is_never_shown()
    {
        var error = await Should.ThrowAsync<SourceUnavailableException>(() => TargetFactory.OpenAsync(
            "postgres", "Host=127.0.0.1;Port=1;Database=spare;Username=restore;Password=s3cret-pw;Timeout=2", "postgres", CancellationToken.None));

        error.Message.ShouldContain("127.0.0.1:1");
        error.ToString().ShouldNotContain("s3cret-pw");
    }

    public void Dispose() => directory.Dispose();
}
