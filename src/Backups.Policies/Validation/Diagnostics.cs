using Backups.Policies.Yaml;

namespace Backups.Policies.Validation;

/// <summary>Collects every error found in one policy file.</summary>
internal sealed class Diagnostics(string file)
{
    private readonly List<PolicyError> _errors = [];

    public string File { get; } = file;

    public IReadOnlyList<PolicyError> Errors => _errors;

    public int Count => _errors.Count;

    public void Add(SourcePosition at, string message) => _errors.Add(new PolicyError(File, at.Line, at.Column, message));

    /// <summary>The errors in file order (line, then column; ties keep the order they were found in).</summary>
    public IReadOnlyList<PolicyError> Sorted() =>
        [.. _errors.OrderBy(e => e.Line).ThenBy(e => e.Column)];
}
