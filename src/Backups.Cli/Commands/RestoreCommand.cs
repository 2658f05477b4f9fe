using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Backups.Cli.Infrastructure;
using Backups.Operations;
using Backups.Operations.Restore;
using NodaTime;

namespace Backups.Cli.Commands;

/// <summary>
/// <c>backups restore</c>: one snapshot (by id, or the newest at or before an instant) into a database, all tables or
/// some, with every change to the target logged before it is made. Exit 4 when a guard refuses (the target is the
/// snapshot's source; a table to create exists), 2 for bad input or an incompatible table, 1 when a table fails.
/// With <c>--via URL</c> the running service does it instead (<see cref="RestoreViaService"/>), with the same flags.
/// </summary>
internal static class RestoreCommand
{
    public static Command Build(CliContext context)
    {
        var store = new Option<string>("--store") { HelpName = "URL", Description = "The store holding the snapshots (s3://bucket/prefix, file:///path or a path)", Required = true };
        var at = new Option<string?>("--at") { HelpName = "ISO", Description = "Restore the newest complete snapshot started at or before this instant (ISO-8601 with Z or an offset)" };
        var snapshot = new Option<string?>("--snapshot") { HelpName = "ID", Description = "Restore this snapshot id" };
        var to = new Option<string>("--to") { HelpName = "KIND:CONNECTION", Description = "The target database: KIND:CONNECTION, KIND postgres or sqlite (the database must exist; SQLite creates the file)", Required = true };
        var tables = new Option<string?>("--tables") { HelpName = "T1,T2", Description = "Only these tables, comma-separated (NAME or SCHEMA.NAME as in the snapshot)" };
        var schema = new Option<string?>("--schema") { HelpName = "NAME", Description = "Put every table into this schema (PostgreSQL) instead of the snapshot's" };
        var mode = new Option<string?>("--mode") { HelpName = "create|truncate|append", Description = "Existing tables: create (default: refuse if any exists), truncate (empty them first, in the load's transaction), append" };
        var parallelism = new Option<int>("--parallelism") { HelpName = "N", Description = "Tables loaded at once, one connection each (SQLite targets use 1)", DefaultValueFactory = _ => 4 };
        var intoSource = new Option<bool>("--into-source") { Description = "Allow restoring into the snapshot's own source database (needs --yes, --tables and --mode)" };
        var yes = new Option<bool>("--yes") { Description = "Confirm --into-source" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check everything and print what would be done; change nothing" };
        var via = new Option<string?>("--via") { HelpName = "URL", Description = "Have the running service do it (e.g. http://127.0.0.1:9464): it logs and queues the request and runs one at a time per target" };
        var noWait = new Option<bool>("--no-wait") { Description = "With --via: print the request's id and return at once (follow it with GET URL/restores/ID)" };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON" };
        var command = new Command("restore", "Restore a snapshot (or some of its tables) into a database, verifying every file and row count")
        {
            store, at, snapshot, to, tables, schema, mode, parallelism, intoSource, yes, dryRun, via, noWait, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(via) is { } viaText)
            {
                var service = Uri.TryCreate(viaText, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                    ? uri
                    : throw new CliException($"--via: '{viaText}' is not the service's address (expected e.g. http://127.0.0.1:9464)");
                var body = new
                {
                    store = parse.GetValue(store),
                    at = parse.GetValue(at),
                    snapshot = parse.GetValue(snapshot),
                    to = parse.GetValue(to),
                    tables = SplitList(parse.GetValue(tables)),
                    schema = parse.GetValue(schema),
                    mode = parse.GetValue(mode),
                    intoSource = parse.GetValue(intoSource),
                    yes = parse.GetValue(yes),
                    dryRun = parse.GetValue(dryRun),
                    parallelism = parse.GetValue(parallelism),
                    requestedBy = PruneCommand.Operator(context),
                };
                return await RestoreViaService.RunAsync(context, service, body, !parse.GetValue(noWait), parse.GetValue(json), cancellationToken);
            }

            var target = DatabaseSpec.Parse(parse.GetValue(to)!, "--to");
            var modeText = parse.GetValue(mode);
            var request = new RestoreRequest(parse.GetValue(store)!, SnapshotPointer.Parse(parse.GetValue(at), parse.GetValue(snapshot)), target.Kind, target.Connection)
            {
                Tables = SplitList(parse.GetValue(tables)),
                Schema = parse.GetValue(schema),
                Mode = ParseMode(modeText),
                ModeGiven = modeText is not null,
                IntoSource = parse.GetValue(intoSource),
                Confirmed = parse.GetValue(yes),
                DryRun = parse.GetValue(dryRun),
                Parallelism = parse.GetValue(parallelism),
                TempDirectory = context.GetEnvironmentVariable("BACKUPS_TEMP"),
            };
            return await RunAsync(context, request, parse.GetValue(json), cancellationToken);
        });
        return command;
    }

    internal static IReadOnlyList<string>? SplitList(string? text) =>
        text is null ? null : [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    internal static string Describe(CliContext context, ResolvedSnapshot snapshot)
    {
        var manifest = snapshot.Manifest;
        var age = Units.Age(context.Clock.GetCurrentInstant() - manifest.StartedAt);
        var before = snapshot.BeforeRequested is { } gap ? $", {Units.Age(gap)} before --at {Formats.Instant(snapshot.Pointer.At!.Value)}" : "";
        return $"snapshot {manifest.Id} of {manifest.Source.Kind} {manifest.Source.Database} (policy {manifest.Policy}), started {Formats.Instant(manifest.StartedAt)}{before}, {age} ago";
    }

    private static async Task<int> RunAsync(CliContext context, RestoreRequest request, bool json, CancellationToken cancellationToken)
    {
        RestorePlan plan;
        try
        {
            plan = await new Restorer(context.GetEnvironmentVariable).PlanAsync(request, cancellationToken);
        }
        catch (RestoreRefusedException e)
        {
            throw new CliException(e.Message, ExitCodes.Refused);
        }
        catch (RestoreSchemaException e)
        {
            throw new CliException(e.Message, ExitCodes.BadInput);
        }

        await using (plan)
        {
            await context.Error.WriteLineAsync($"backups: using {Describe(context, plan.Snapshot)}");
            foreach (var warning in plan.Snapshot.Warnings)
            {
                await context.Error.WriteLineAsync($"backups: warning: {warning}");
            }

            if (plan.IntoSource)
            {
                await context.Error.WriteLineAsync($"backups: warning: restoring into the snapshot's own source {plan.Target}, as confirmed with --into-source --yes");
            }

            if (request.DryRun)
            {
                WriteDryRun(context, plan, json);
                return ExitCodes.Ok;
            }

            RestoreResult result;
            using (var line = new ProgressLine(context))
            {
                var observer = new Observer(context, line, plan.Target);
                try
                {
                    result = await new Restorer(context.GetEnvironmentVariable).ExecuteAsync(plan, observer, cancellationToken);
                }
                catch (RestoreFailedException e)
                {
                    throw new CliException(e.Message, e.Unavailable ? ExitCodes.Unavailable : ExitCodes.Failed);
                }
                catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
                {
                    // Unlike a snapshot, an interrupted restore may leave whole tables committed: say which.
                    throw new CliException(e.Message, ExitCodes.Interrupted);
                }
            }

            WriteResult(context, result, json);
            return ExitCodes.Ok;
        }
    }

    private static RestoreMode ParseMode(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "create" => RestoreMode.Create,
        "truncate" => RestoreMode.Truncate,
        "append" => RestoreMode.Append,
        _ => throw new CliException($"--mode: '{text}' is not one of create, truncate, append"),
    };

    private static void WriteDryRun(CliContext context, RestorePlan plan, bool json)
    {
        if (json)
        {
            context.Out.WriteLine(JsonSerializer.Serialize(new
            {
                dryRun = true,
                snapshot = SnapshotJson(plan.Snapshot),
                target = plan.Target,
                intoSource = plan.IntoSource,
                rows = plan.Rows,
                bytes = plan.Bytes,
                actions = plan.Actions.Select(a => new { action = Name(a.Kind), table = a.Table.QualifiedName, target = a.Target, rows = a.Table.RowCount, description = a.Description }),
            }, JsonOutput.Options));
            return;
        }

        context.Out.WriteLine($"dry run: restoring {Describe(context, plan.Snapshot)} into {plan.Target} would:");
        foreach (var action in plan.Actions)
        {
            context.Out.WriteLine($"  {action.Description}");
        }

        context.Out.WriteLine($"({plan.Actions.Count(a => a.Kind != RestoreActionKind.CreateTable)} tables, {Units.Count(plan.Rows)} rows, {Units.Bytes(plan.Bytes)} to download and verify; nothing was changed)");
    }

    private static void WriteResult(CliContext context, RestoreResult result, bool json)
    {
        if (json)
        {
            context.Out.WriteLine(JsonSerializer.Serialize(new
            {
                snapshot = SnapshotJson(result.Snapshot),
                target = result.Target,
                tables = result.Tables.Select(t => new { table = t.Source, target = t.Target, created = t.Created, rows = t.Rows, bytes = t.Bytes, seconds = Math.Round(t.Seconds, 3) }),
                rows = result.Rows,
                bytes = result.Bytes,
                countedAfter = result.CountedAfter,
                seconds = Math.Round(result.Seconds, 3),
            }, JsonOutput.Options));
            return;
        }

        foreach (var table in result.Tables.OrderBy(t => t.Target, StringComparer.Ordinal))
        {
            context.Out.WriteLine($"  {table.Target}: {Units.Count(table.Rows)} rows{(table.Created ? " (created)" : "")}");
        }

        var rate = result.Seconds > 0 ? result.Rows / result.Seconds : 0;
        context.Out.WriteLine(
            $"restored {result.Tables.Count} tables, {Units.Count(result.Rows)} rows ({Units.Bytes(result.Bytes)}) from snapshot {result.Snapshot.Manifest.Id} into {result.Target} "
            + $"in {result.Seconds.ToString("0.0", CultureInfo.InvariantCulture)}s ({Units.Count((long)rate)} rows/s); "
            + (result.CountedAfter
                ? "the target's row counts match the manifest"
                : "each load's row count matched the manifest (the target took no further connection to count again after the commits)"));
    }

    private static object SnapshotJson(ResolvedSnapshot snapshot) => new
    {
        id = snapshot.Manifest.Id,
        policy = snapshot.Manifest.Policy,
        source = new { kind = snapshot.Manifest.Source.Kind, server = snapshot.Manifest.Source.Server, database = snapshot.Manifest.Source.Database },
        startedAt = Formats.Instant(snapshot.Manifest.StartedAt),
        completedAt = Formats.Instant(snapshot.Manifest.CompletedAt),
        requestedAt = snapshot.Pointer.At is { } at ? Formats.Instant(at) : null,
        secondsBeforeRequested = snapshot.BeforeRequested?.TotalSeconds,
        warnings = snapshot.Warnings,
    };

    private static string Name(RestoreActionKind kind) => kind switch
    {
        RestoreActionKind.CreateTable => "create-table",
        RestoreActionKind.TruncateAndLoad => "truncate-and-load",
        _ => "load",
    };

    /// <summary>Logs each change to the target on standard error before it is made, and draws the progress line.</summary>
    private sealed class Observer(CliContext context, ProgressLine line, string target) : IRestoreObserver
    {
        private readonly Lock _gate = new();
        private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

        public void Mutating(RestoreAction action)
        {
            lock (_gate)
            {
                var clear = line.Enabled ? "\r\u001b[K" : "";
                context.Error.WriteLine($"{clear}backups: {Formats.Instant(context.Clock.GetCurrentInstant())} {target}: {action.Description}");
                context.Error.Flush();
            }
        }

        public void Progress(RestoreProgress progress) => line.Update(() => Render(progress, _clock.Elapsed));

        private static string Render(RestoreProgress p, TimeSpan elapsed)
        {
            var seconds = Math.Max(elapsed.TotalSeconds, 0.001);
            var rowRate = p.RowsDone / seconds;
            var eta = rowRate > 0 ? Duration.FromSeconds((p.RowsTotal - p.RowsDone) / rowRate) : Duration.Zero;
            return $"[{p.TablesDone}/{p.TablesTotal} tables] {Units.Count(p.RowsDone)}/{Units.Count(p.RowsTotal)} rows ({Units.Count((long)rowRate)}/s)  "
                + $"{Units.Bytes((long)(p.BytesDone / seconds))}/s  ETA {Units.Seconds(eta)}  {p.CurrentTable}";
        }
    }
}
