using System.Collections.Concurrent;
using Backups.Service.Jobs;

namespace Backups.Service.Tests.Support;

/// <summary>Records every finished job of one host.</summary>
internal sealed class RecordingObserver : IJobObserver
{
    private readonly ConcurrentQueue<JobRun> _runs = new();

    public IReadOnlyList<JobRun> Runs => [.. _runs];

    public void Observe(JobRun run) => _runs.Enqueue(run);
}
