using Backups.Domain.Schema;
using Backups.Sources.Targets;

namespace Backups.Sources.Tests.Targets;

public sealed class TargetIdentityGuardTests
{
    private static readonly SourceIdentity Production = new("postgres", "db1.internal:5432", "vacols", "7312345678901234567", "15.6");

    [Fact]
    public void The_same_cluster_and_database_is_the_same_database_even_through_another_host_name()
    {
        var target = Production with { Server = "10.0.0.5:5432", Kind = "postgresql", ServerVersion = "15.7" };

        TargetIdentityGuard.IsSameDatabase(Production, target).ShouldBeTrue();
    }

    [Fact]
    public void Another_database_of_the_same_cluster_is_not_the_same_database()
    {
        TargetIdentityGuard.IsSameDatabase(Production, Production with { Database = "vacols_restore" }).ShouldBeFalse();
    }

    [Fact]
    public void A_database_of_the_same_name_on_another_cluster_is_not_the_same_database()
    {
        TargetIdentityGuard.IsSameDatabase(Production, Production with { Server = "spare:5432", SystemIdentifier = "7399999999999999999" }).ShouldBeFalse();
    }

    [Fact]
    public void Database_names_compare_exactly()
    {
        TargetIdentityGuard.IsSameDatabase(Production, Production with { Database = "VACOLS" }).ShouldBeFalse();
    }

    [Fact]
    public void Without_a_system_identifier_the_same_host_port_and_database_count_as_the_same_database()
    {
        var unidentified = Production with { SystemIdentifier = null };

        TargetIdentityGuard.IsSameDatabase(unidentified, Production with { Server = "DB1.internal:5432" }).ShouldBeTrue();
        TargetIdentityGuard.IsSameDatabase(Production, unidentified).ShouldBeTrue();
        TargetIdentityGuard.IsSameDatabase(unidentified, unidentified with { Server = "spare:5432" }).ShouldBeFalse();
        TargetIdentityGuard.IsSameDatabase(unidentified, unidentified with { Database = "other" }).ShouldBeFalse();
    }

    [Fact]
    public void Different_dialects_are_never_the_same_database()
    {
        TargetIdentityGuard.IsSameDatabase(Production, Production with { Kind = "oracle" }).ShouldBeFalse();
        TargetIdentityGuard.IsSameDatabase(
            new SourceIdentity("sqlite", null, "/data/vacols", null, "3.46"),
            new SourceIdentity("postgres", null, "/data/vacols", null, "15")).ShouldBeFalse();
    }

    [Fact]
    public void Sqlite_files_are_the_same_database_when_their_full_paths_are_equal()
    {
        var snapshot = new SourceIdentity("sqlite", null, "/data/app/vacols.db", null, "3.46.1");

        TargetIdentityGuard.IsSameDatabase(snapshot, snapshot with { Database = "/data/app/../app/./vacols.db", ServerVersion = "3.50" }).ShouldBeTrue();
        TargetIdentityGuard.IsSameDatabase(snapshot, snapshot with { Database = "/data/spare/vacols.db" }).ShouldBeFalse();
    }

    [Fact]
    public void Oracle_compares_the_dbid_and_the_database_like_postgres()
    {
        var oracle = new SourceIdentity("oracle", "vacols-db:1521", "VACOLS", "1234567890", "19c");

        TargetIdentityGuard.IsSameDatabase(oracle, oracle with { Server = "scan:1521" }).ShouldBeTrue();
        TargetIdentityGuard.IsSameDatabase(oracle, oracle with { SystemIdentifier = "987654321" }).ShouldBeFalse();
    }
}
