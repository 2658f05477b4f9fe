using NodaTime;

namespace Backups.Operations.Control;

/// <summary>
/// A pin: the snapshot <see cref="Id"/> is never expired, whatever the tiers say. Stored as
/// <c>pins/&lt;id&gt;.json</c> in the snapshot's store (the store is the source of truth).
/// </summary>
/// <param name="Id">The pinned snapshot's id.</param>
/// <param name="Reason">Why it is pinned (shown in plans as <c>pinned: &lt;reason&gt;</c>).</param>
/// <param name="PinnedAt">When the pin was written.</param>
/// <param name="By">Who pinned it (a user name or a service instance).</param>
public sealed record Pin(string Id, string Reason, Instant PinnedAt, string By);
