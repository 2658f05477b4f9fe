using NodaTime;

namespace Backups.Operations.Control;

/// <summary>One paused job of a policy: which, why, since when and by whom.</summary>
public sealed record JobPause(PausableJob Job, string? Reason, Instant PausedAt, string By);
