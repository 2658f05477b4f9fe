namespace Backups.Operations.Control;

/// <summary>
/// The paused jobs of one policy, stored as <c>control/pause/&lt;policy&gt;.json</c> in the policy's store (absent when
/// nothing is paused).
/// </summary>
public sealed record PolicyPause(string Policy, IReadOnlyList<JobPause> Jobs)
{
    public bool IsPaused(PausableJob job) => Jobs.Any(j => j.Job == job);

    public JobPause? Find(PausableJob job) => Jobs.FirstOrDefault(j => j.Job == job);
}
