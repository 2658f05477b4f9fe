using Backups.Domain.Policies;

namespace Backups.Policies;

/// <summary>The outcome of loading one policy file: the policy when it is valid, else every error found (in file order).</summary>
public sealed record PolicyLoadResult(string File, Policy? Policy, IReadOnlyList<PolicyError> Errors)
{
    public bool IsValid => Policy is not null && Errors.Count == 0;

    /// <summary>Where the <c>name</c> value is, for reporting duplicate names across files.</summary>
    internal (int Line, int Column) NamePosition { get; init; }

    /// <summary>The policy name as written, even when other parts of the file are invalid (null when absent or invalid).</summary>
    internal string? DeclaredName { get; init; }
}
