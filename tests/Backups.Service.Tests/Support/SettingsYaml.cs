namespace Backups.Service.Tests.Support;

/// <summary>Service settings files for tests: an ephemeral loopback port and no console output, plus extra YAML.</summary>
public static class SettingsYaml
{
    public static string Quiet(string extra = "") => $"""
        http:
          listen: 127.0.0.1:0
        logs:
          console: false
        {extra}
        """;
}
