namespace Backups.Service.Jobs;

/// <summary>What a job that returned normally did; jobs set it as the Quartz result.</summary>
internal enum JobOutcome
{
    Completed,

    /// <summary>The job's kind is paused for its policy: nothing was done.</summary>
    Skipped,
}
