using Backups.Service.Hosting;
using Backups.Service.Jobs;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Backups.Service.Scheduling;

/// <summary>
/// Records in the catalog when each job last ran (the fire time it ran for), so that a service started after downtime
/// knows which scheduled times it missed (<see cref="MissedRunCatchUp"/>). A run cancelled by a shutdown is not a run.
/// </summary>
internal sealed partial class JobRunRecorder(CatalogFiles catalogs, ILogger<JobRunRecorder> log) : IJobObserver
{
    public void Observe(JobRun run)
    {
        if (run.Result == RunResult.Cancelled)
        {
            return;
        }
        var fired = run.ScheduledFireTime ?? run.FinishedAt - run.Duration;
        try
        {
            using var catalog = catalogs.Open();
            catalog.JobRuns.Record(
                JobKeys.For(run.Kind, run.Policy).Name,
                Instant.FromDateTimeOffset(fired),
                Instant.FromDateTimeOffset(run.FinishedAt),
                run.Result.ToString().ToLowerInvariant());
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            NotRecorded(run.Kind.ToString().ToLowerInvariant(), run.Policy, catalogs.Path, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot record the run of {Job} of {Policy} in the catalog {Catalog}: {Reason}; a run missed while the service is down may not be caught up")]
    private partial void NotRecorded(string job, string policy, string catalog, string reason);
}
