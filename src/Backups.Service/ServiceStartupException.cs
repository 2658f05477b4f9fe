namespace Backups.Service;

/// <summary>
/// The service cannot start as configured: invalid settings or policy files (each error as <c>FILE:LINE:COL: message</c>),
/// or a listen address or scheduler database that cannot be used. Nothing was scheduled.
/// </summary>
public sealed class ServiceStartupException(IReadOnlyList<string> errors)
    : Exception(string.Join(System.Environment.NewLine, errors))
{
    /// <summary>Every problem found, one line each.</summary>
    public IReadOnlyList<string> Errors { get; } = errors;
}
