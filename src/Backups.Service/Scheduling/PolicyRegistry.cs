namespace Backups.Service.Scheduling;

/// <summary>
/// The policies this service instance runs, by name. A reload replaces them all at once: readers see either the set
/// before or the set after, never a mix.
/// </summary>
internal sealed class PolicyRegistry
{
    private volatile Entries _entries;

    public PolicyRegistry(IEnumerable<ScheduledPolicy> policies) => _entries = new Entries(policies);

    public IReadOnlyList<ScheduledPolicy> All => _entries.All;

    public bool TryGet(string name, out ScheduledPolicy policy) => _entries.ByName.TryGetValue(name, out policy!);

    /// <summary>The policy a job belongs to; a job of a policy this instance does not have is a configuration error.</summary>
    public ScheduledPolicy Get(string name) =>
        TryGet(name, out var policy)
            ? policy
            : throw new InvalidOperationException(
                $"no policy '{name}' in this instance's policy directory: every instance of a cluster needs the same policies");

    /// <summary>Runs <paramref name="policies"/> from now on (a reload that passed validation).</summary>
    public void Replace(IEnumerable<ScheduledPolicy> policies) => _entries = new Entries(policies);

    private sealed class Entries
    {
        public Entries(IEnumerable<ScheduledPolicy> policies)
        {
            All = [.. policies.OrderBy(p => p.Name, StringComparer.Ordinal)];
            ByName = All.ToDictionary(p => p.Name, StringComparer.Ordinal);
        }

        public IReadOnlyList<ScheduledPolicy> All { get; }

        public Dictionary<string, ScheduledPolicy> ByName { get; }
    }
}
