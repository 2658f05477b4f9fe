using Backups.Operations.Control;
using Backups.Policies.Diff;

namespace Backups.Service.Reload;

/// <summary>One policy a reload changed.</summary>
/// <param name="Policy">Its name.</param>
/// <param name="Fields">Each field that differs (connection strings redacted).</param>
/// <param name="Review">For an edit of its retention: whether it took effect or is held, and what it newly expires; null otherwise or when the store could not be read.</param>
/// <param name="ReviewError">Why the edit could not be planned against the store, if it could not.</param>
internal sealed record PolicyChange(string Policy, IReadOnlyList<PolicyFieldChange> Fields, RetentionReviewVerdict? Review, string? ReviewError);
