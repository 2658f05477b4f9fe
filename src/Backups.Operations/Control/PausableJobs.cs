namespace Backups.Operations.Control;

/// <summary>The names of <see cref="PausableJob"/> values on the command line and in <c>control/pause/</c> objects.</summary>
public static class PausableJobs
{
    public static IReadOnlyList<PausableJob> All { get; } = [PausableJob.Snapshot, PausableJob.Retention, PausableJob.Verify];

    public static string Name(this PausableJob job) => job switch
    {
        PausableJob.Snapshot => "snapshot",
        PausableJob.Retention => "retention",
        PausableJob.Verify => "verify",
        _ => throw new ArgumentOutOfRangeException(nameof(job), job, null),
    };

    public static bool TryParse(string? text, out PausableJob job)
    {
        foreach (var each in All)
        {
            if (string.Equals(each.Name(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                job = each;
                return true;
            }
        }
        job = default;
        return false;
    }

    /// <summary>
    /// Parses a comma-separated list such as <c>retention,verify</c> (or <c>all</c>); throws
    /// <see cref="OperationInputException"/> naming every unknown job.
    /// </summary>
    public static IReadOnlyList<PausableJob> ParseList(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var names = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (names.Length == 1 && string.Equals(names[0], "all", StringComparison.OrdinalIgnoreCase))
        {
            return All;
        }
        var jobs = new List<PausableJob>();
        var unknown = new List<string>();
        foreach (var name in names)
        {
            if (TryParse(name, out var job))
            {
                if (!jobs.Contains(job))
                {
                    jobs.Add(job);
                }
            }
            else
            {
                unknown.Add(name);
            }
        }
        if (unknown.Count > 0 || jobs.Count == 0)
        {
            var what = unknown.Count > 0 ? $"unknown job {string.Join(", ", unknown.Select(u => $"'{u}'"))}" : "no job given";
            throw new OperationInputException($"{what}: expected a comma-separated list of {string.Join(", ", All.Select(j => j.Name()))} (or all)");
        }
        return jobs;
    }
}
