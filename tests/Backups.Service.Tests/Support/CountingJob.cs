using Quartz;

namespace Backups.Service.Tests.Support;

/// <summary>A job that only counts its firings, for testing triggers on a real scheduler.</summary>
internal sealed class CountingJob(FireCounter counter) : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        counter.Increment();
        return ValueTask.CompletedTask;
    }
}
