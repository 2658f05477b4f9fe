using NodaTime;

namespace Backups.Operations.Retention;

/// <summary>What retention needs of a manifest; manifests never change once written, so this is cached by id.</summary>
internal sealed record ManifestSummary(string Policy, Instant CompletedAt, long Bytes);
