namespace Backups.Service.Scheduling;

/// <summary>The policies this service instance runs, by name.</summary>
internal sealed class PolicyRegistry
{
    private readonly Dictionary<string, ScheduledPolicy> _byName;

    public PolicyRegistry(IEnumerable<ScheduledPolicy> policies)
    {
        All = [.. policies.OrderBy(p => p.Name, StringComparer.Ordinal)];
        _byName = All.ToDictionary(p => p.Name, StringComparer.Ordinal);
    }

    public IReadOnlyList<ScheduledPolicy> All { get; }

    public bool TryGet(string name, out ScheduledPolicy policy) => _byName.TryGetValue(name, out policy!);

    /// <summary>The policy a job belongs to; a job of a policy this instance does not have is a configuration error.</summary>
    public ScheduledPolicy Get(string name) =>
        TryGet(name, out var policy)
            ? policy
            : throw new InvalidOperationException(
                $"no policy '{name}' in this instance's policy directory: every instance of a cluster needs the same policies");
}
