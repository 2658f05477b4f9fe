namespace Backups.Service.Reload;

/// <summary>What a reload of the policy directory did.</summary>
/// <param name="Applied">Whether the new policies were validated and now run; false leaves the running ones in force.</param>
/// <param name="Errors">Every error of every file (<c>FILE:LINE:COL: message</c>) when the reload was rejected.</param>
/// <param name="Added">Policies added.</param>
/// <param name="Removed">Policies removed (their jobs deleted).</param>
/// <param name="Changed">Policies changed, with their differences.</param>
internal sealed record ReloadResult(
    bool Applied,
    IReadOnlyList<string> Errors,
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Removed,
    IReadOnlyList<PolicyChange> Changed)
{
    public static ReloadResult Rejected(IReadOnlyList<string> errors) => new(false, errors, [], [], []);
}
