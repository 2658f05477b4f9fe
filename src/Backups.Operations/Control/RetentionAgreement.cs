namespace Backups.Operations.Control;

/// <summary>
/// What <c>control/retention/&lt;policy&gt;.json</c> holds in a policy's store: the retention terms in force (those the
/// service last applied or someone accepted), and an edit held for review because it would newly expire snapshots.
/// </summary>
/// <param name="Policy">The policy's name.</param>
/// <param name="InForce">The terms retention applies.</param>
/// <param name="Held">An edit of the terms waiting to be accepted, or null.</param>
public sealed record RetentionAgreement(string Policy, AcceptedTerms InForce, HeldTerms? Held);
