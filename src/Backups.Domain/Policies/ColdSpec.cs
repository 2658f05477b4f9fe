using Backups.Domain.Retention;

namespace Backups.Domain.Policies;

/// <summary>When snapshots move to an archive storage class: once older than <see cref="After"/>, into <see cref="Class"/>.</summary>
public sealed record ColdSpec(RetentionWindow After, ColdClass Class = ColdClass.Auto);
