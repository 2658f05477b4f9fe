using Backups.Domain.Retention;
using NodaTime;

namespace Backups.Domain.Policies;

/// <summary>
/// A validated backup policy: what to snapshot, where to store it, when, and how long to keep it (docs/policy.md).
/// Built by the policy loader, which reports every problem in a file; this record assumes valid values.
/// </summary>
/// <param name="Name">Unique policy name: <c>[a-z0-9][a-z0-9_-]*</c>, at most 63 characters.</param>
/// <param name="Source">The database and tables to snapshot.</param>
/// <param name="StoreUrl">
/// Where snapshots go: <c>s3://bucket/prefix</c>, <c>file:///absolute/path</c>, or a plain path
/// (relative paths resolve against the current directory when used).
/// </param>
/// <param name="Schedule">Quartz cron expression (seconds first), e.g. <c>0 0 * * * ?</c> for hourly; evaluated in <see cref="Zone"/>.</param>
/// <param name="Retention">Tiers, bucket time zone and expiry guards.</param>
/// <param name="Cold">When and where snapshots move to an archive class; null to keep everything hot.</param>
/// <param name="Spare">The spare instance for restores and drills, or null when none is configured.</param>
/// <param name="Parallelism">How many tables are read at once during a snapshot.</param>
/// <param name="StoreS3">S3 settings of an <c>s3://</c> store (endpoint, region, encryption), or null to take them from the environment.</param>
public sealed record Policy(
    string Name,
    SourceSpec Source,
    string StoreUrl,
    string Schedule,
    RetentionRules Retention,
    ColdSpec? Cold = null,
    SpareSpec? Spare = null,
    int Parallelism = Policy.DefaultParallelism,
    S3Spec? StoreS3 = null)
{
    public const int DefaultParallelism = 2;

    /// <summary>The policy's time zone: calendar buckets and the schedule (one zone for both, from <see cref="Retention"/>).</summary>
    public DateTimeZone Zone => Retention.Zone;
}
