using Backups.Operations.Control;
using Quartz;

namespace Backups.Service.Scheduling;

/// <summary>
/// The explicit keys of the service's jobs and their schedule triggers: <c>snapshot.&lt;policy&gt;</c>,
/// <c>retention.&lt;policy&gt;</c> and <c>verify.&lt;policy&gt;</c>, in the group <c>backups</c>.
/// Each job carries its policy and kind in its data, under <see cref="PolicyData"/> and <see cref="KindData"/>.
/// </summary>
internal static class JobKeys
{
    public const string Group = "backups";
    public const string PolicyData = "policy";
    public const string KindData = "kind";

    public static JobKey For(PausableJob kind, string policy) => new($"{kind.Name()}.{policy}", Group);

    /// <summary>The trigger that fires the job on its schedule (ad-hoc runs get triggers of their own).</summary>
    public static TriggerKey ScheduleOf(PausableJob kind, string policy) => new($"{kind.Name()}.{policy}", Group);

    /// <summary>The one-off trigger that runs, at start, a job whose scheduled time passed while the service was down.</summary>
    public static TriggerKey CatchUpOf(PausableJob kind, string policy) => new($"catch-up.{kind.Name()}.{policy}", Group);
}
