namespace Backups.Service.Tests.Support;

/// <summary>Options for hosts under test: quiet, on an ephemeral loopback port, catalog in the test's directory.</summary>
internal static class TestHosts
{
    public static ServiceHostOptions Options(
        TempDirectory directory,
        string policies,
        string settings = "",
        IReadOnlyDictionary<string, string?>? environment = null,
        string name = "service") => new()
    {
        SettingsFile = directory.Write($"{name}.yaml", SettingsYaml.Quiet(settings)),
        PoliciesDirectory = policies,
        DefaultCatalogPath = directory.Combine("catalog.db"),
        Environment = environment ?? new Dictionary<string, string?>(),
        TimeProvider = TimeProvider.System,
    };
}
