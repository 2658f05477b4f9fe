using NodaTime;

namespace Backups.Operations.Control;

/// <summary>An edit of a policy's retention terms held for review: it does not take effect before it is accepted or <see cref="Until"/> passes.</summary>
/// <param name="Terms">The edited terms.</param>
/// <param name="HeldAt">When the edit was first seen.</param>
/// <param name="Until">When it takes effect without being accepted; null to wait for acceptance.</param>
/// <param name="NewlyExpiring">The snapshots the edited terms expire and the terms in force keep, as planned when the edit was seen.</param>
/// <param name="By">Who saw it (the service instance).</param>
public sealed record HeldTerms(RetentionTerms Terms, Instant HeldAt, Instant? Until, IReadOnlyList<string> NewlyExpiring, string By);
