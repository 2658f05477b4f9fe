using Backups.Operations;
using Backups.Operations.Retention;

namespace Backups.Service.Settings;

/// <summary>The <c>retention</c> and <c>verify</c> sections: when the jobs besides snapshots run (cron, in each policy's zone) and how.</summary>
internal sealed record MaintenanceSettings
{
    /// <summary>Retention also runs after every successful snapshot; this is the nightly pass.</summary>
    public string RetentionCron { get; init; } = "0 30 2 * * ?";

    /// <summary>Retention expires nothing once the newest snapshot is older than the schedule's interval times this.</summary>
    public double RetentionStaleFactor { get; init; } = RetentionOptions.DefaultStaleFactor;

    /// <summary>Retention deletes the leftovers of interrupted snapshots once they are this old.</summary>
    public TimeSpan GarbageGrace { get; init; } = GarbageCollector.DefaultGrace.ToTimeSpan();

    /// <summary>
    /// How long a policy edit that would newly expire snapshots is held before it takes effect without being accepted
    /// (<c>backups policy accept</c>); null holds it until accepted.
    /// </summary>
    public TimeSpan? ReviewDelay { get; init; } = TimeSpan.FromHours(24);

    /// <summary>The weekly verification of a sample of snapshots.</summary>
    public string VerifyCron { get; init; } = "0 0 4 ? * SUN";

    /// <summary>How many snapshots besides the newest a verification picks at random.</summary>
    public int VerifyRandom { get; init; } = 2;
}
