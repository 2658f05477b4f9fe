using Backups.Domain.Policies;

namespace Backups.Policies;

/// <summary>
/// The outcome of loading several policy files: one result per file (in the order loaded), the valid policies,
/// and every error of every file, duplicate policy names across files included.
/// </summary>
public sealed record PolicySetLoadResult(IReadOnlyList<PolicyLoadResult> Files, IReadOnlyList<PolicyError> Errors)
{
    public bool IsValid => Errors.Count == 0;

    /// <summary>The policies of the files that loaded without error (a later file reusing a name has none).</summary>
    public IReadOnlyList<Policy> Policies => [.. Files.Where(f => f.Policy is not null).Select(f => f.Policy!)];
}
