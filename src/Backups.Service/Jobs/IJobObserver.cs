namespace Backups.Service.Jobs;

/// <summary>Told about every finished job execution on this node (health, metrics).</summary>
internal interface IJobObserver
{
    void Observe(JobRun run);
}
