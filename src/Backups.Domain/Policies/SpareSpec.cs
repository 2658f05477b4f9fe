namespace Backups.Domain.Policies;

/// <summary>
/// A spare database instance that restores and restore drills write to. Never the source itself.
/// </summary>
/// <param name="Kind">The spare's engine (defaults to the source's kind in policy files).</param>
/// <param name="Connection">Connection string, with any <c>${VAR}</c> references resolved when the policy was loaded with an environment.</param>
/// <param name="Schema">The schema restores go to, or null for the connection's default.</param>
public sealed record SpareSpec(SourceKind Kind, string Connection, string? Schema = null);
