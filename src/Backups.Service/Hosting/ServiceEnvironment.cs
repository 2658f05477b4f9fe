namespace Backups.Service.Hosting;

/// <summary>The environment the service was started with (store credentials, <c>BACKUPS_TEMP</c>).</summary>
internal sealed class ServiceEnvironment(IReadOnlyDictionary<string, string?> variables)
{
    public IReadOnlyDictionary<string, string?> Variables { get; } = variables;

    public string? Get(string name) => Variables.GetValueOrDefault(name);

    /// <summary>Where snapshot parts are staged; the system's temporary directory when unset.</summary>
    public string? TempDirectory => Get("BACKUPS_TEMP") is { Length: > 0 } path ? path : null;
}
