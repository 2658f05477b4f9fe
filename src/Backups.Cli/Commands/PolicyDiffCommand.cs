using System.CommandLine;
using System.Text.Json;
using Backups.Cli.Infrastructure;
using Backups.Domain.Policies;
using Backups.Domain.Retention;
using Backups.Operations;
using Backups.Operations.Retention;
using Backups.Policies.Diff;
using NodaTime;

namespace Backups.Cli.Commands;

/// <summary>
/// <c>backups policy diff OLD NEW</c>: what changes between two versions of a policy file, field by field, and, when asked
/// to read the store, which snapshots NEW would expire that OLD keeps (both planned against the same snapshots).
/// </summary>
internal static class PolicyDiffCommand
{
    public static Command Build(CliContext context)
    {
        var oldFile = new Argument<string>("OLD") { Description = "The policy file as it is" };
        var newFile = new Argument<string>("NEW") { Description = "The policy file as proposed" };
        var fromStore = new Option<bool>("--snapshots-from-store") { Description = "Read the store both policies name and list the snapshots NEW would newly expire" };
        var store = new Option<string?>("--store") { Description = "Read this store instead (implies --snapshots-from-store)" };
        var now = new Option<string?>("--now") { Description = "Plan both as of this ISO-8601 instant (default: the current time)" };
        var json = new Option<bool>("--json") { Description = "Print the difference as JSON" };
        var command = new Command("diff", "Show what a policy change changes: every field, and with --snapshots-from-store the snapshots that would newly expire")
        {
            oldFile, newFile, fromStore, store, now, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var oldPath = parse.GetValue(oldFile)!;
            var newPath = parse.GetValue(newFile)!;
            var before = PolicyFiles.LoadOrThrow(context, oldPath, resolveEnvironment: false);
            var after = PolicyFiles.LoadOrThrow(context, newPath, resolveEnvironment: false);
            var changes = PolicyFieldDiff.Compare(before, after);

            RetentionComparison? snapshots = null;
            if (parse.GetValue(store) is { } url || parse.GetValue(fromStore))
            {
                url = parse.GetValue(store) ?? SharedStore(context, before, after);
                var asOf = PruneCommand.ResolveNow(context, parse.GetValue(now), "--now");
                snapshots = await CompareAsync(context, url, before, after, asOf, cancellationToken);
            }

            if (parse.GetValue(json))
            {
                context.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    old = oldPath,
                    @new = newPath,
                    changes = changes.Select(c => new { field = c.Field, old = c.Old, @new = c.New }),
                    snapshots = snapshots is null ? null : Json(snapshots),
                }, JsonOutput.Options));
                return ExitCodes.Ok;
            }

            var o = context.Out;
            o.WriteLine(changes.Count switch { 0 => "no field differs", 1 => "1 field differs:", var n => $"{n} fields differ:" });
            var width = changes.Select(c => c.Field.Length).DefaultIfEmpty(0).Max();
            foreach (var change in changes)
            {
                o.WriteLine($"  {change.Field.PadRight(width)}  {change.Old ?? "(none)"} -> {change.New ?? "(none)"}");
            }
            if (snapshots is not null)
            {
                WriteText(o, snapshots);
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string SharedStore(CliContext context, Policy before, Policy after)
    {
        var a = StoreOpener.Canonical(PruneCommand.ResolveStoreUrl(context, before));
        var b = StoreOpener.Canonical(PruneCommand.ResolveStoreUrl(context, after));
        return a == b
            ? a
            : throw new CliException($"OLD and NEW name different stores ({a}, {b}); give --store URL to compare against one of them");
    }

    /// <summary>Plans OLD and NEW against the same snapshots: those OLD's policy name took.</summary>
    private static async Task<RetentionComparison> CompareAsync(
        CliContext context, string url, Policy before, Policy after, Instant now, CancellationToken cancellationToken)
    {
        // OLD's S3 settings (endpoint, region, encryption) reach its s3:// store.
        using var handle = StoreOpener.Open(url, context.GetEnvironmentVariable, before.StoreS3);
        return await RetentionComparison.CompareAsync(new RetentionExecutor(context.Clock), handle.Store, before, after, now, cancellationToken);
    }

    private static void WriteText(TextWriter o, RetentionComparison c)
    {
        o.WriteLine();
        o.WriteLine($"snapshots of {c.Old.Policy} in {c.Store}, as of {Formats.Instant(c.Now)}: {c.Old.Plan.Decisions.Count}");
        o.WriteLine($"  OLD keeps {c.Old.Plan.Kept.Count()}, expires {c.Old.Expiries.Count()}; NEW keeps {c.New.Plan.Kept.Count()}, expires {c.New.Expiries.Count()}");
        var newlyExpired = c.NewlyExpired.ToList();
        o.WriteLine(newlyExpired.Count == 0 ? "NEW expires nothing that OLD keeps" : $"NEW would newly expire {newlyExpired.Count}:");
        foreach (var (old, _) in newlyExpired)
        {
            var why = c.NewReason(old.Snapshot.Id);
            o.WriteLine($"  {old.Snapshot.Id}  {Formats.Instant(old.Snapshot.Time)}  kept by OLD: {string.Join(", ", old.Reasons)}; NEW: {why}");
        }
        var newlyKept = c.NewlyKept.ToList();
        if (newlyKept.Count > 0)
        {
            o.WriteLine($"NEW would keep {newlyKept.Count} that OLD expires: {string.Join(", ", newlyKept.Select(p => p.New.Snapshot.Id))}");
        }
        foreach (var reason in c.New.RefusalReasons(force: false))
        {
            o.WriteLine($"NEW's first prune would be refused: {reason}");
        }
    }

    private static object Json(RetentionComparison c) => new
    {
        store = c.Store,
        now = Formats.Instant(c.Now),
        snapshots = c.Old.Plan.Decisions.Count,
        old = new { keep = c.Old.Plan.Kept.Count(), expire = c.Old.Expiries.Count() },
        @new = new
        {
            keep = c.New.Plan.Kept.Count(),
            expire = c.New.Expiries.Count(),
            refused = c.New.IsRefused(force: false),
            refusalReasons = c.New.RefusalReasons(force: false),
        },
        newlyExpired = c.NewlyExpired.Select(p => new
        {
            id = p.Old.Snapshot.Id,
            time = Formats.Instant(p.Old.Snapshot.Time),
            keptByOld = p.Old.Reasons,
            reason = c.NewReason(p.Old.Snapshot.Id),
        }),
        newlyKept = c.NewlyKept.Select(p => new { id = p.New.Snapshot.Id, time = Formats.Instant(p.New.Snapshot.Time), reasons = p.New.Reasons }),
    };
}
