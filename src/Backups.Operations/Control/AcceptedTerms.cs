using NodaTime;

namespace Backups.Operations.Control;

/// <summary>Retention terms in force.</summary>
/// <param name="Terms">The terms.</param>
/// <param name="Since">When they took effect.</param>
/// <param name="By">Who or what made them take effect (a user, the service's first run, the review delay).</param>
public sealed record AcceptedTerms(RetentionTerms Terms, Instant Since, string By);
