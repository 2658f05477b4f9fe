using System.Text;

namespace Backups.IntegrationTests.Support;

/// <summary>Policy files for the tests, in the shape of the shipped ones (policies/examples).</summary>
internal static class TestPolicies
{
    /// <summary>
    /// A PostgreSQL policy in the shape of policies/examples/postgres.yaml. The connection is an environment
    /// reference (the tests pass <c>--source</c>), the store is given and may be overridden with <c>--store</c>.
    /// </summary>
    public static string Postgres(string name, string schema, string store, IReadOnlyList<string>? tables = null, IReadOnlyList<string>? exclude = null, int parallelism = 2)
    {
        var yaml = new StringBuilder();
        yaml.AppendLine($"name: {name}");
        yaml.AppendLine("source:");
        yaml.AppendLine("  kind: postgres");
        yaml.AppendLine("  connection: ${PG_CONNECTION}");
        yaml.AppendLine($"  schema: {schema}");
        AppendList(yaml, "tables", tables);
        AppendList(yaml, "exclude", exclude);
        yaml.AppendLine($"store: {store}");
        AppendCommon(yaml);
        yaml.AppendLine($"parallelism: {parallelism}");
        return yaml.ToString();
    }

    /// <summary>A SQLite policy in the shape of policies/examples/local.yaml, with the given connection and store.</summary>
    public static string Local(string name, string connection, string store, IReadOnlyList<string>? tables = null)
    {
        var yaml = new StringBuilder();
        yaml.AppendLine($"name: {name}");
        yaml.AppendLine();
        yaml.AppendLine("source:");
        yaml.AppendLine("  kind: sqlite");
        yaml.AppendLine($"  connection: {connection}");
        AppendList(yaml, "tables", tables);
        yaml.AppendLine();
        yaml.AppendLine($"store: {store}");
        yaml.AppendLine();
        AppendCommon(yaml);
        return yaml.ToString();
    }

    private static void AppendCommon(StringBuilder yaml)
    {
        yaml.AppendLine("schedule: \"0 0 * * * ?\"");
        yaml.AppendLine("timezone: UTC");
        yaml.AppendLine("retention:");
        yaml.AppendLine("  hourly: 3d");
        yaml.AppendLine("  daily: 14d");
        yaml.AppendLine("  weekly: 60d");
        yaml.AppendLine("  monthly: 180d");
        yaml.AppendLine("guards:");
        yaml.AppendLine("  max-expire-per-run: 50");
    }

    private static void AppendList(StringBuilder yaml, string key, IReadOnlyList<string>? items)
    {
        if (items is { Count: > 0 })
        {
            yaml.AppendLine($"  {key}: [{string.Join(", ", items.Select(i => $"\"{i}\""))}]");
        }
    }
}
