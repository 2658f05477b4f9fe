using System.CommandLine;
using System.Text.Json;
using Backups.Catalog;
using Backups.Cli.Infrastructure;
using Backups.Operations;
using Backups.Domain.Retention;
using NodaTime;

namespace Backups.Cli.Commands;

/// <summary>
/// <c>backups gc</c>: lists the leftovers of interrupted snapshots (dry run, the default) and, with
/// <c>--apply</c>, deletes those past the grace period, auditing each deletion before it happens.
/// </summary>
internal static class GcCommand
{
    public static Command Build(CliContext context)
    {
        var store = new Option<string>("--store") { Description = "The store (s3://bucket/prefix, file:///path or a path)", Required = true };
        var grace = new Option<string>("--grace") { Description = "Leave leftovers younger than this alone: they may be a snapshot being written (e.g. 24h, 2d)", DefaultValueFactory = _ => "24h" };
        var apply = new Option<bool>("--apply") { Description = "Delete what the dry run lists as eligible (audited under audit/ in the store)" };
        var catalog = new Option<string?>("--catalog") { Description = "Catalog file that keeps a copy of the audit log (default $BACKUPS_CATALOG or ~/.local/share/backups/catalog.db)" };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var command = new Command("gc", "Find (and with --apply delete) the objects of interrupted snapshots that never got a manifest; dry run by default")
        {
            store, grace, apply, catalog, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var graceDuration = ParseGrace(parse.GetValue(grace)!);

            using var handle = SnapshotLocator.Open(context, parse.GetValue(store)!);
            var collector = new GarbageCollector(context.Clock);
            var items = await collector.PlanAsync(handle.Store, graceDuration, cancellationToken);
            var doApply = parse.GetValue(apply);
            var deleted = doApply
                ? await collector.ApplyAsync(handle.Store, items, AuditSinks.For(context, handle, parse.GetValue(catalog)), cancellationToken)
                : 0;

            if (parse.GetValue(json))
            {
                context.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    store = handle.Url,
                    dryRun = !doApply,
                    graceHours = graceDuration.TotalHours,
                    deleted,
                    leftovers = items.Select(i => new
                    {
                        id = i.Snapshot.Id,
                        eligible = i.Eligible,
                        reason = i.Reason,
                        objects = i.Snapshot.Objects.Count,
                        bytes = i.Snapshot.TotalBytes,
                        keys = i.Snapshot.Objects.Select(o => o.Key),
                    }),
                }, JsonOutput.Options));
                return ExitCodes.Ok;
            }

            if (items.Count == 0)
            {
                context.Out.WriteLine($"no leftovers in {handle.Url}");
                return ExitCodes.Ok;
            }
            foreach (var item in items)
            {
                var verb = !item.Eligible ? "keep  " : doApply ? "delete" : "would delete";
                context.Out.WriteLine($"{verb} {item.Snapshot.Id}: {item.Snapshot.Objects.Count} objects, {Units.Bytes(item.Snapshot.TotalBytes)} ({item.Reason})");
            }
            var eligible = items.Where(i => i.Eligible).ToList();
            context.Out.WriteLine(doApply
                ? $"deleted {deleted} incomplete snapshots ({Units.Bytes(eligible.Sum(i => i.Snapshot.TotalBytes))}); audit entries under audit/ in the store"
                : $"dry run: {eligible.Count} incomplete snapshots ({Units.Bytes(eligible.Sum(i => i.Snapshot.TotalBytes))}) would be deleted; run again with --apply");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Hours, days or weeks (<c>24h</c>, <c>2d</c>, <c>1w2d</c>); <c>0</c> means no grace at all.</summary>
    internal static Duration ParseGrace(string text)
    {
        if (text.Trim() is "0" or "0h" or "0d")
        {
            return Duration.Zero;
        }
        if (!RetentionWindow.TryParse(text, out var window, out var error))
        {
            throw new CliException($"--grace: {error}");
        }
        if (window.Years > 0 || window.Months > 0)
        {
            throw new CliException($"--grace: use hours, days or weeks (e.g. 24h, 2d), not '{text}'");
        }
        return Duration.FromHours(window.Hours) + Duration.FromDays(window.Days + (7 * window.Weeks));
    }
}
