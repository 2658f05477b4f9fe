using System.CommandLine;
using System.Text.Json;
using Backups.Catalog;
using Backups.Cli.Infrastructure;
using Backups.Domain.Retention;
using Backups.Operations;
using Backups.Operations.Garbage;
using NodaTime;

namespace Backups.Cli.Commands;

/// <summary>
/// <c>backups gc</c>: lists what interrupted work left behind (dry run, the default) and, with <c>--apply</c>, removes
/// what is past the grace period, auditing each removal before it happens: snapshot directories without a manifest,
/// multipart uploads left open in an S3 store, the directory store's <c>.tmp/</c> files, and this program's files in
/// the local temporary directory.
/// </summary>
internal static class GcCommand
{
    public static Command Build(CliContext context)
    {
        var store = new Option<string>("--store") { Description = "The store (s3://bucket/prefix, file:///path or a path)", Required = true };
        var grace = new Option<string>("--grace") { Description = "Leave leftovers younger than this alone: they may be a snapshot being written (e.g. 24h, 2d; 0 for none)", DefaultValueFactory = _ => "24h" };
        var temp = new Option<string?>("--temp") { HelpName = "DIR", Description = "The local temporary directory to clean too (default $BACKUPS_TEMP, else the system's)" };
        var apply = new Option<bool>("--apply") { Description = "Remove what the dry run lists as eligible (audited under audit/ in the store)" };
        var catalog = new Option<string?>("--catalog") { Description = "Catalog file that keeps a copy of the audit log (default $BACKUPS_CATALOG or ~/.local/share/backups/catalog.db)" };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var command = new Command("gc", "Find (and with --apply remove) what interrupted snapshots left: objects without a manifest, open multipart uploads, temporary files; dry run by default")
        {
            store, grace, temp, apply, catalog, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var graceDuration = ParseGrace(parse.GetValue(grace)!);

            using var handle = SnapshotLocator.Open(context, parse.GetValue(store)!);
            var collector = new GarbageCollector(context.Clock);
            var local = parse.GetValue(temp) ?? context.GetEnvironmentVariable("BACKUPS_TEMP");
            var plan = await collector.PlanAllAsync(handle.Store, graceDuration, string.IsNullOrWhiteSpace(local) ? null : local, cancellationToken);
            var doApply = parse.GetValue(apply);
            var removed = doApply
                ? await collector.ApplyAllAsync(handle.Store, plan, AuditSinks.For(context, handle, parse.GetValue(catalog)), cancellationToken)
                : new GarbageResult(0, 0, 0, 0);

            if (parse.GetValue(json))
            {
                context.Out.WriteLine(JsonSerializer.Serialize(Json(handle.Url, plan, removed, graceDuration, doApply), JsonOutput.Options));
                return ExitCodes.Ok;
            }

            if (plan.IsEmpty)
            {
                context.Out.WriteLine($"no leftovers in {handle.Url} or {plan.LocalDirectory}");
                return ExitCodes.Ok;
            }

            WriteText(context, plan, removed, doApply);
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

    private static void WriteText(CliContext context, GarbagePlan plan, GarbageResult removed, bool applied)
    {
        string Verb(bool eligible, string what) => !eligible ? "keep  " : applied ? what : "would " + what;
        var o = context.Out;
        foreach (var item in plan.Snapshots)
        {
            o.WriteLine($"{Verb(item.Eligible, "delete")} {item.Snapshot.Id}: {item.Snapshot.Objects.Count} objects, {Units.Bytes(item.Snapshot.TotalBytes)} ({item.Reason})");
        }
        foreach (var item in plan.Uploads)
        {
            o.WriteLine($"{Verb(item.Eligible, "abort")} open upload of {item.Upload.Key} (upload id {item.Upload.UploadId}; {item.Reason})");
        }
        foreach (var item in plan.StoreTemporaryFiles)
        {
            o.WriteLine($"{Verb(item.Eligible, "delete")} store temporary file .tmp/{item.File.Name}: {Units.Bytes(item.File.Size)} ({item.Reason})");
        }
        foreach (var item in plan.LocalTemporary)
        {
            o.WriteLine($"{Verb(item.Eligible, "delete")} local temporary {item.Path}: {item.Files} files, {Units.Bytes(item.Bytes)} ({item.Reason})");
        }

        var snapshots = plan.Snapshots.Where(i => i.Eligible).ToList();
        var uploads = plan.Uploads.Count(i => i.Eligible);
        var temporary = plan.StoreTemporaryFiles.Where(i => i.Eligible).ToList();
        var local = plan.LocalTemporary.Where(i => i.Eligible).ToList();
        var what = $"{snapshots.Count} incomplete snapshots ({Units.Bytes(snapshots.Sum(i => i.Snapshot.TotalBytes))}), {uploads} open uploads, "
            + $"{temporary.Count} store temporary files ({Units.Bytes(temporary.Sum(t => t.File.Size))}), "
            + $"{local.Count} local temporary ({Units.Bytes(local.Sum(l => l.Bytes))})";
        o.WriteLine(applied
            ? $"removed {removed.Snapshots} incomplete snapshots, {removed.Uploads} open uploads, {removed.StoreTemporaryFiles} store temporary files, {removed.LocalTemporary} local temporary; audit entries under audit/ in the store"
            : $"dry run: {what} would be removed; run again with --apply");
    }

    private static object Json(string storeUrl, GarbagePlan plan, GarbageResult removed, Duration grace, bool applied) => new
    {
        store = storeUrl,
        dryRun = !applied,
        graceHours = grace.TotalHours,
        localDirectory = plan.LocalDirectory,
        deleted = removed.Snapshots,
        removed = new
        {
            snapshots = removed.Snapshots,
            multipartUploads = removed.Uploads,
            storeTemporaryFiles = removed.StoreTemporaryFiles,
            localTemporary = removed.LocalTemporary,
        },
        leftovers = plan.Snapshots.Select(i => new
        {
            id = i.Snapshot.Id,
            eligible = i.Eligible,
            reason = i.Reason,
            objects = i.Snapshot.Objects.Count,
            bytes = i.Snapshot.TotalBytes,
            keys = i.Snapshot.Objects.Select(o => o.Key),
        }),
        multipartUploads = plan.Uploads.Select(u => new
        {
            key = u.Upload.Key,
            uploadId = u.Upload.UploadId,
            initiatedAt = u.Upload.Initiated is { } at ? Formats.Instant(at) : null,
            eligible = u.Eligible,
            reason = u.Reason,
        }),
        storeTemporaryFiles = plan.StoreTemporaryFiles.Select(t => new
        {
            name = t.File.Name,
            bytes = t.File.Size,
            lastWrittenAt = Formats.Instant(t.File.LastWritten),
            eligible = t.Eligible,
            reason = t.Reason,
        }),
        localTemporary = plan.LocalTemporary.Select(l => new
        {
            path = l.Path,
            files = l.Files,
            bytes = l.Bytes,
            lastWrittenAt = Formats.Instant(l.LastWritten),
            snapshotId = l.SnapshotId,
            eligible = l.Eligible,
            reason = l.Reason,
        }),
    };
}
