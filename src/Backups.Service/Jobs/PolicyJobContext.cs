using Backups.Service.Scheduling;
using Quartz;

namespace Backups.Service.Jobs;

/// <summary>Reads which policy a firing is for from the job's data.</summary>
internal static class PolicyJobContext
{
    public static ScheduledPolicy Policy(this IJobExecutionContext context, PolicyRegistry policies) =>
        policies.Get(context.JobDetail.JobDataMap.GetString(JobKeys.PolicyData)
            ?? throw new InvalidOperationException($"job {context.JobDetail.Key} has no '{JobKeys.PolicyData}' in its data"));
}
