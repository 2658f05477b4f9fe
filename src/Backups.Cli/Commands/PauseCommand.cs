using System.CommandLine;
using System.Text.Json;
using Backups.Cli.Infrastructure;
using Backups.Operations.Control;

namespace Backups.Cli.Commands;

/// <summary>
/// <c>backups pause POLICY --jobs ...</c> and <c>backups resume POLICY</c>: stop and restart a policy's scheduled jobs in
/// every service instance. The state lives in the policy's store (<c>control/pause/&lt;policy&gt;.json</c>), which all
/// instances share; changes are audited there (and copied into the catalog). Without <c>--store</c> the store is found
/// from the policy file, the service's policy directory or the catalog (<see cref="PolicyStores"/>).
/// </summary>
internal static class PauseCommand
{
    private const string JobNames = "snapshot, retention, verify (comma-separated) or all";

    public static Command Build(CliContext context)
    {
        var (policyName, store, policyFile, policies, catalog, json) = CommonOptions();
        var jobs = new Option<string>("--jobs") { Description = $"Which jobs to pause: {JobNames}", Required = true };
        var reason = new Option<string?>("--reason") { Description = "Why (shown to whoever resumes)" };
        var command = new Command("pause", "Pause some of a policy's scheduled jobs in every service instance (e.g. retention during an incident)")
        {
            policyName, jobs, store, policyFile, policies, catalog, reason, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var name = parse.GetValue(policyName)!;
            var which = PausableJobs.ParseList(parse.GetValue(jobs)!);
            var chosen = PolicyStores.Resolve(context, name, parse.GetValue(store), parse.GetValue(policyFile), parse.GetValue(policies), parse.GetValue(catalog));
            using var handle = SnapshotLocator.Open(context, chosen);
            var state = await new PauseState(handle.Store, context.Clock, AuditSinks.For(context, handle, parse.GetValue(catalog)))
                .PauseAsync(name, which, parse.GetValue(reason), PruneCommand.Operator(context), cancellationToken);
            Write(context, parse.GetValue(json), state, handle.Url, $"paused {string.Join(", ", which.Select(j => j.Name()))} of {name} in {handle.Url}");
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command BuildResume(CliContext context)
    {
        var (policyName, store, policyFile, policies, catalog, json) = CommonOptions();
        var jobs = new Option<string?>("--jobs") { Description = $"Which jobs to resume: {JobNames} (default: every paused job)" };
        var command = new Command("resume", "Resume a policy's paused jobs") { policyName, jobs, store, policyFile, policies, catalog, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var name = parse.GetValue(policyName)!;
            var which = parse.GetValue(jobs) is { } list ? PausableJobs.ParseList(list) : null;
            var chosen = PolicyStores.Resolve(context, name, parse.GetValue(store), parse.GetValue(policyFile), parse.GetValue(policies), parse.GetValue(catalog));
            using var handle = SnapshotLocator.Open(context, chosen);
            var pauses = new PauseState(handle.Store, context.Clock, AuditSinks.For(context, handle, parse.GetValue(catalog)));
            var before = await pauses.GetAsync(name, cancellationToken);
            var state = await pauses.ResumeAsync(name, which, PruneCommand.Operator(context), cancellationToken);
            var resumed = before.Jobs.Select(j => j.Job).Except(state.Jobs.Select(j => j.Job)).ToList();
            Write(context, parse.GetValue(json), state, handle.Url, resumed.Count == 0
                ? $"nothing to resume for {name}"
                : $"resumed {string.Join(", ", resumed.Select(j => j.Name()))} of {name} in {handle.Url}");
            return ExitCodes.Ok;
        });
        return command;
    }

    internal static (Argument<string> Policy, Option<string?> Store, Option<string?> PolicyFile, Option<string?> Policies, Option<string?> Catalog, Option<bool> Json) CommonOptions(
        string json = "Print the policy's pause state as JSON") => (
        new Argument<string>("POLICY") { Description = "The policy's name" },
        new Option<string?>("--store") { Description = "The policy's store (s3://bucket/prefix, file:///path or a path). Default: found as below" },
        new Option<string?>("--policy") { Description = "Or: the policy file, whose store is used" },
        new Option<string?>("--policies") { Description = $"Or: the service's policy directory, where the policy of that name says its store (default ${PolicyStores.PoliciesVariable}); else the catalog's record of where its snapshots are" },
        new Option<string?>("--catalog") { Description = "Catalog file (default $BACKUPS_CATALOG or ~/.local/share/backups/catalog.db)" },
        new Option<bool>("--json") { Description = json });

    private static void Write(CliContext context, bool json, PolicyPause state, string store, string summary)
    {
        if (json)
        {
            context.Out.WriteLine(JsonSerializer.Serialize(new
            {
                policy = state.Policy,
                store,
                paused = state.Jobs.Select(j => new { job = j.Job.Name(), reason = j.Reason, pausedAt = Formats.Instant(j.PausedAt), by = j.By }),
            }, JsonOutput.Options));
            return;
        }
        context.Out.WriteLine(summary);
        context.Out.WriteLine(state.Jobs.Count == 0
            ? $"{state.Policy}: nothing is paused"
            : $"{state.Policy}: paused now: " + string.Join("; ", state.Jobs.Select(j =>
                $"{j.Job.Name()} since {Formats.Instant(j.PausedAt)} by {j.By}{(j.Reason is null ? "" : $" ({j.Reason})")}")));
    }
}
