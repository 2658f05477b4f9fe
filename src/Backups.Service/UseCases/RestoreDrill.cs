using Backups.Domain.Policies;
using Backups.Operations.Restore;
using Backups.Service.Health;
using Backups.Service.Hosting;
using Backups.Service.Restores;
using Backups.Service.Scheduling;
using Backups.Sources;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace Backups.Service.UseCases;

/// <summary>
/// The weekly restore drill of a policy that names a spare instance: restores the newest snapshot into the spare
/// (<c>--mode truncate</c>: existing tables are emptied, missing ones created), verifying every file while reading, and
/// checks that every table holds the manifest's row count. The outcome goes to the log, /health and /metrics; a failed
/// drill fails the verify job. The restore guard still applies: a spare that is the policy's source is refused.
/// </summary>
internal sealed partial class RestoreDrill(ServiceEnvironment environment, PolicyStatusBoard board, IClock clock, ILogger<RestoreDrill> log)
{
    public async Task<RestoreDrillOutcome> RunAsync(ScheduledPolicy policy, string snapshotId, CancellationToken cancellationToken)
    {
        var spare = policy.Policy.Spare ?? throw new InvalidOperationException($"policy {policy.Name} names no spare");
        var target = $"{spare.Kind.Name()} {ConnectionStrings.Redact(spare.Connection)}";
        var request = new RestoreRequest(policy.Policy.StoreUrl, SnapshotPointer.ForId(snapshotId), spare.Kind.Name(), spare.Connection)
        {
            Schema = spare.Schema,
            Mode = RestoreMode.Truncate,
            ModeGiven = true,
            Parallelism = policy.Policy.Parallelism,
            TempDirectory = environment.TempDirectory,
        };
        Starting(policy.Name, snapshotId, target);
        RestoreDrillOutcome outcome;
        try
        {
            var restorer = new Restorer(environment.Get);
            await using var plan = await restorer.PlanAsync(request, cancellationToken);
            var result = await restorer.ExecuteAsync(plan, new LoggedRestoreChanges(log, $"Restore drill of {policy.Name}", plan.Target), cancellationToken);
            var restored = result.Tables.ToDictionary(t => t.Source, t => t.Rows, StringComparer.Ordinal);
            var wrong = plan.Snapshot.Manifest.Tables
                .Where(t => restored.GetValueOrDefault(t.QualifiedName, -1) != t.RowCount)
                .Select(t => $"{t.QualifiedName}: {(restored.TryGetValue(t.QualifiedName, out var rows) ? rows.ToString(System.Globalization.CultureInfo.InvariantCulture) : "not restored")} rows, the manifest says {t.RowCount}")
                .ToList();
            outcome = wrong.Count == 0
                ? new RestoreDrillOutcome(clock.GetCurrentInstant(), snapshotId, true, result.Tables.Count, result.Rows, null)
                : new RestoreDrillOutcome(clock.GetCurrentInstant(), snapshotId, false, result.Tables.Count, result.Rows, $"row counts differ: {string.Join("; ", wrong)}");
            if (outcome.Succeeded)
            {
                Succeeded(policy.Name, snapshotId, plan.Target, outcome.Tables, outcome.Rows);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            outcome = new RestoreDrillOutcome(clock.GetCurrentInstant(), snapshotId, false, 0, 0, e.Message);
        }
        if (!outcome.Succeeded)
        {
            Failed(policy.Name, snapshotId, target, outcome.Error!);
        }
        board.Drilled(policy.Name, outcome);
        return outcome;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Restore drill of {Policy}: restoring {SnapshotId} into the spare {Spare} (mode truncate)")]
    private partial void Starting(string policy, string snapshotId, string spare);

    [LoggerMessage(Level = LogLevel.Information, Message = "Restore drill of {Policy} succeeded: {SnapshotId} restored into {Spare}, {Tables} tables, {Rows} rows, every row count matches the manifest")]
    private partial void Succeeded(string policy, string snapshotId, string spare, int tables, long rows);

    [LoggerMessage(Level = LogLevel.Error, Message = "Restore drill of {Policy} FAILED: {SnapshotId} into the spare {Spare}: {Reason}")]
    private partial void Failed(string policy, string snapshotId, string spare, string reason);
}
