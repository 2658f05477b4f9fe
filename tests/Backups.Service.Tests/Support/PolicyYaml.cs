namespace Backups.Service.Tests.Support;

/// <summary>Policy files for tests: a local SQLite source into a directory store.</summary>
public static class PolicyYaml
{
    public static string Local(string name, string sqlitePath, string storeDirectory, string schedule, string timezone = "UTC") => $"""
        name: {name}
        source:
          kind: sqlite
          connection: {sqlitePath}
        store: {storeDirectory}
        schedule: "{schedule}"
        timezone: {timezone}
        retention:
          hourly: 3d
          daily: 14d
        """;
}
