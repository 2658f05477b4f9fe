using Backups.Policies;
using Backups.Service.Settings;
using Backups.TestFixtures;

namespace Backups.Service.Tests.Settings;

/// <summary>The settings and policy files under deploy/ are valid as shipped.</summary>
public sealed class ShippedSettingsTests
{
    private static readonly Dictionary<string, string?> Environment = new()
    {
        ["QUARTZ_CONNECTION"] = "Host=postgres;Database=quartz;Username=backups;Password=x",
        ["EXAMPLE_CONNECTION"] = "Host=postgres;Database=example;Username=backups;Password=x",
    };

    private static string Deploy(string relative) =>
        Path.Combine(SharedFixtures.RepositoryRoot ?? throw new DirectoryNotFoundException("cannot find the repository root"), "deploy", relative);

    [Theory]
    [InlineData("service.yaml")]
    [InlineData("compose/service.yaml")]
    public void The_example_settings_are_valid_and_cluster_through_postgres(string file)
    {
        var result = ServiceSettingsLoader.LoadFile(Deploy(file), Environment);

        result.Errors.ShouldBeEmpty();
        result.Settings!.Scheduler.Store.ShouldBe(SchedulerStore.Postgres);
        result.Settings.Scheduler.Connection.ShouldBe(Environment["QUARTZ_CONNECTION"]);
        result.Settings.PoliciesDirectory.ShouldBe("/etc/backups/policies");
    }

    [Fact]
    public void The_compose_example_policy_is_valid()
    {
        var result = PolicyLoader.LoadDirectory(Deploy("compose/policies"), Environment);

        result.Errors.ShouldBeEmpty();
        result.Policies.Single().Name.ShouldBe("example");
    }
}
