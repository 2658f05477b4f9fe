using System.Text.Json;
using Backups.Domain.Policies;
using Backups.Domain.Retention;
using Backups.Policies.Tests.Support;
using Backups.Policies.Validation;
using NodaTime;

namespace Backups.Policies.Tests;

/// <summary>Everything under policies/ validates, and the schema for editors matches the loader.</summary>
public class ShippedPoliciesTests
{
    private static string PoliciesDirectory => Path.Combine(RepositoryRoot.Path, "policies");

    public static TheoryData<string> PolicyFiles() => [.. ShippedFiles()];

    /// <summary>Every YAML file under policies/, relative to it, with '/' separators.</summary>
    private static string[] ShippedFiles() =>
    [
        .. Directory.EnumerateFiles(PoliciesDirectory, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(PoliciesDirectory, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal),
    ];

    [Theory]
    [MemberData(nameof(PolicyFiles))]
    public void Every_shipped_policy_validates(string file)
    {
        var result = PolicyLoader.LoadFile(Path.Combine(PoliciesDirectory, file));

        result.Errors.ShouldBeEmpty(string.Join(Environment.NewLine, result.Errors));
    }

    [Fact]
    public void The_shipped_policies_include_vacols_and_the_examples_with_unique_names()
    {
        new[] { "examples/local.yaml", "examples/postgres.yaml", "vacols.yaml" }.ShouldBeSubsetOf(ShippedFiles());

        var all = PolicyLoader.LoadFiles(ShippedFiles().Select(f => Path.Combine(PoliciesDirectory, f)));

        all.Errors.ShouldBeEmpty(string.Join(Environment.NewLine, all.Errors));
        new[] { "local", "example-postgres", "vacols" }.ShouldBeSubsetOf(all.Policies.Select(p => p.Name));
    }

    [Fact]
    public void The_vacols_policy_keeps_the_post_mortem_tiers()
    {
        var policy = PolicyLoader.LoadFile(Path.Combine(PoliciesDirectory, "vacols.yaml")).Policy.ShouldNotBeNull();

        policy.Name.ShouldBe("vacols");
        policy.Source.Kind.ShouldBe(SourceKind.Oracle);
        policy.Source.Connection.ShouldBe("${VACOLS_CONNECTION}");
        policy.Source.Schema.ShouldBe("VACOLS");
        policy.Source.Tables.ShouldBe(["*"]);
        policy.StoreUrl.ShouldBe("s3://vacols-backups/vacols");
        policy.Schedule.ShouldBe("0 0 * * * ?");
        policy.Zone.ShouldBe(DateTimeZone.Utc);
        policy.Retention.Tiers.ShouldBe(RetentionRules.Default.Tiers);
        policy.Retention.Guards.MaxExpirePerRun.ShouldBe(50);
        policy.Cold.ShouldBe(new ColdSpec(RetentionWindow.Parse("14d"), ColdClass.Auto));
        policy.Spare.ShouldNotBeNull().Kind.ShouldBe(SourceKind.Oracle);
    }

    [Fact]
    public void The_vacols_policy_resolves_its_connections_from_the_environment()
    {
        var environment = new Dictionary<string, string?>
        {
            ["VACOLS_CONNECTION"] = "User Id=backup;Password=p;Data Source=vacols-db:1521/VACOLS",
            ["VACOLS_SPARE_CONNECTION"] = "User Id=drill;Password=q;Data Source=spare-db:1521/VACOLS",
        };

        var policy = PolicyLoader.LoadFile(Path.Combine(PoliciesDirectory, "vacols.yaml"), environment).Policy.ShouldNotBeNull();

        policy.Source.Connection.ShouldBe(environment["VACOLS_CONNECTION"]);
        policy.Spare.ShouldNotBeNull().Connection.ShouldBe(environment["VACOLS_SPARE_CONNECTION"]);
    }

    [Fact]
    public void The_local_example_is_a_sqlite_file_backed_up_to_a_relative_directory()
    {
        var policy = PolicyLoader.LoadFile(Path.Combine(PoliciesDirectory, "examples", "local.yaml"), new Dictionary<string, string?>())
            .Policy.ShouldNotBeNull();

        policy.Source.Kind.ShouldBe(SourceKind.Sqlite);
        policy.Source.Connection.ShouldBe(".backups/demo.db");
        policy.StoreUrl.ShouldBe(".backups/store");
        policy.Cold.ShouldBeNull();
    }

    [Fact]
    public void The_schema_lists_exactly_the_keys_the_loader_accepts()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(PoliciesDirectory, "schema.json")));
        var top = schema.RootElement.GetProperty("properties");

        Keys(top).ShouldBe(PolicyKeys.Top, ignoreOrder: true);
        foreach (var (section, keys) in PolicyKeys.Sections.Where(s => s.Key.Length > 0))
        {
            Keys(top.GetProperty(section).GetProperty("properties")).ShouldBe(keys, ignoreOrder: true, section);
        }
        schema.RootElement.GetProperty("required").EnumerateArray().Select(e => e.GetString()!)
            .ShouldBe(["name", "source", "store", "schedule", "retention"], ignoreOrder: true);
    }

    private static string[] Keys(JsonElement properties) => [.. properties.EnumerateObject().Select(p => p.Name)];
}
