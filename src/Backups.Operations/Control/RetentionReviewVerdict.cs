namespace Backups.Operations.Control;

/// <summary>Whether retention may apply a policy's terms now, and why.</summary>
/// <param name="Outcome">What was decided (and written to the store).</param>
/// <param name="Agreement">The state in the store after the decision.</param>
/// <param name="NewlyExpiring">For a changed policy: the snapshots its terms expire that the terms in force keep, planned now.</param>
public sealed record RetentionReviewVerdict(ReviewOutcome Outcome, RetentionAgreement Agreement, IReadOnlyList<string> NewlyExpiring)
{
    /// <summary>Whether retention may apply the policy as it is.</summary>
    public bool MayApply => Outcome is not (ReviewOutcome.Held or ReviewOutcome.StillHeld);
}
