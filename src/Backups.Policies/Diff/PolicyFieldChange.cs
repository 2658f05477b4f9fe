namespace Backups.Policies.Diff;

/// <summary>One field that differs between two policies; null where the field is absent.</summary>
/// <param name="Field">The field as a policy file names it, e.g. <c>retention.daily</c>.</param>
/// <param name="Old">Its value in the old policy.</param>
/// <param name="New">Its value in the new policy.</param>
public sealed record PolicyFieldChange(string Field, string? Old, string? New);
