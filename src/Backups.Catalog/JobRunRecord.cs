using NodaTime;

namespace Backups.Catalog;

/// <summary>The last run of one scheduled job.</summary>
/// <param name="Job">The job's key, e.g. <c>snapshot.vacols</c>.</param>
/// <param name="Fired">The fire time it ran for (a scheduled time, or when it was triggered).</param>
/// <param name="Finished">When it finished.</param>
/// <param name="Result"><c>succeeded</c>, <c>failed</c> or <c>skipped</c>.</param>
public sealed record JobRunRecord(string Job, Instant Fired, Instant Finished, string Result);
