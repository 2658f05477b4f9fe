using Backups.Operations.Control;
using Backups.Policies.Diff;
using Backups.Service.Hosting;
using Backups.Service.Jobs;
using Backups.Service.Scheduling;
using Backups.Sources;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Backups.Service.Reload;

/// <summary>
/// Re-reads the policy directory (on SIGHUP or <c>POST /reload</c>): validates every file (any error rejects the whole
/// reload, logged as <c>FILE:LINE:COL</c>, and the running policies stay in force), logs each changed field of each
/// policy against the one running, reschedules, and for an edit of a policy's retention plans both versions against
/// the store and logs the snapshots the edit would newly expire, holding the edit for review when there are any.
/// One reload at a time.
/// </summary>
internal sealed partial class PolicyReloader(
    ServiceConfiguration configuration,
    PolicyRegistry registry,
    ServiceEnvironment environment,
    ScheduleSynchronizer synchronizer,
    ISchedulerFactory schedulers,
    ReviewGate reviews,
    ServiceClock clock,
    ILogger<PolicyReloader> log)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<ReloadResult> ReloadAsync(string cause, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            Reloading(cause, configuration.PoliciesDirectory);
            var (loaded, errors) = ServiceConfigurationLoader.LoadPolicies(
                configuration.PoliciesDirectory, configuration.Settings, environment.Variables, clock.Provider.GetUtcNow());
            if (errors.Count > 0)
            {
                foreach (var error in errors)
                {
                    InvalidFile(error);
                }
                Rejected(cause, errors.Count);
                return ReloadResult.Rejected(errors);
            }

            var running = registry.All.ToDictionary(p => p.Name, StringComparer.Ordinal);
            var wanted = loaded.ToDictionary(p => p.Name, StringComparer.Ordinal);
            var added = wanted.Keys.Where(n => !running.ContainsKey(n)).Order(StringComparer.Ordinal).ToList();
            var removed = running.Keys.Where(n => !wanted.ContainsKey(n)).Order(StringComparer.Ordinal).ToList();
            var edits = wanted.Values
                .Where(p => running.ContainsKey(p.Name))
                .Select(p => (Old: running[p.Name], New: p, Fields: Redacted(PolicyFieldDiff.Compare(running[p.Name].Policy, p.Policy))))
                .Where(e => e.Fields.Count > 0)
                .ToList();
            Summary(cause, added.Count, removed.Count, edits.Count, wanted.Count - added.Count - edits.Count);
            foreach (var name in added)
            {
                Added(name, wanted[name].File);
            }
            foreach (var name in removed)
            {
                Removed(name, running[name].CanonicalStoreUrl);
            }
            foreach (var (_, edited, fields) in edits)
            {
                foreach (var field in fields)
                {
                    FieldChanged(edited.Name, field.Field, field.Old ?? "(none)", field.New ?? "(none)");
                }
            }

            registry.Replace(loaded);
            var scheduler = await schedulers.GetScheduler(cancellationToken);
            await synchronizer.SyncAsync(scheduler, cancellationToken);

            var changes = new List<PolicyChange>();
            foreach (var (old, edited, fields) in edits)
            {
                changes.Add(fields.Any(PolicyFieldDiff.AffectsRetention)
                    ? await ReviewAsync(old, edited, fields, cancellationToken)
                    : new PolicyChange(edited.Name, fields, null, null));
            }
            Reloaded(cause, registry.All.Count);
            return new ReloadResult(true, [], added, removed, changes);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Plans the edited retention against the store now, so the snapshots it would newly expire are logged (and held) at once.</summary>
    private async Task<PolicyChange> ReviewAsync(ScheduledPolicy old, ScheduledPolicy edited, IReadOnlyList<PolicyFieldChange> fields, CancellationToken cancellationToken)
    {
        try
        {
            var verdict = await reviews.ReviewAsync(edited, RetentionTerms.Of(old.Policy.Retention), cancellationToken);
            if (verdict.Outcome is ReviewOutcome.InForce or ReviewOutcome.Recorded)
            {
                NoRetentionChange(edited.Name);
            }
            return new PolicyChange(edited.Name, fields, verdict, null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            NotPlanned(e, edited.Name, e.Message);
            return new PolicyChange(edited.Name, fields, null, e.Message);
        }
    }

    private static List<PolicyFieldChange> Redacted(IReadOnlyList<PolicyFieldChange> fields) =>
        [.. fields.Select(f => PolicyFieldDiff.ConnectionFields.Contains(f.Field)
            ? f with { Old = f.Old is null ? null : ConnectionStrings.Redact(f.Old), New = f.New is null ? null : ConnectionStrings.Redact(f.New) }
            : f)];

    [LoggerMessage(Level = LogLevel.Information, Message = "Reloading the policies of {Directory} ({Cause})")]
    private partial void Reloading(string cause, string directory);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reload rejected: {Error}")]
    private partial void InvalidFile(string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reload ({Cause}) rejected with {Count} errors: the running policies stay in force")]
    private partial void Rejected(string cause, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reload ({Cause}): {Added} added, {Removed} removed, {Changed} changed, {Unchanged} unchanged")]
    private partial void Summary(string cause, int added, int removed, int changed, int unchanged);

    [LoggerMessage(Level = LogLevel.Information, Message = "Policy {Policy} added ({File})")]
    private partial void Added(string policy, string file);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Policy {Policy} removed: its jobs are deleted; its snapshots stay in {Store}")]
    private partial void Removed(string policy, string store);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Policy {Policy} changed: {Field}: {Old} -> {New}")]
    private partial void FieldChanged(string policy, string field, string old, string @new);

    [LoggerMessage(Level = LogLevel.Information, Message = "Policy {Policy}: the retention terms in force in its store are already those of the edit")]
    private partial void NoRetentionChange(string policy);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Policy {Policy}: cannot plan the edited retention against its store ({Reason}); the retention job plans it again, and holds it if it newly expires snapshots, before applying it")]
    private partial void NotPlanned(Exception exception, string policy, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reload ({Cause}) done: {Count} policies run")]
    private partial void Reloaded(string cause, int count);
}
